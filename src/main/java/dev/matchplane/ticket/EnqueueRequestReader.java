package dev.matchplane.ticket;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import dev.matchplane.matching.MatchmakingProperties;
import dev.matchplane.system.JsonFields;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Validates an enqueue body (CONTRACT §2) for REST and WebSocket alike, reporting every offending field at once.
 */
@Component
public class EnqueueRequestReader {

    static final Pattern QUEUE_KEY = Pattern.compile("[A-Za-z0-9._:-]+");
    static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@-]+");
    /** No control, format (bidi overrides, zero-width), surrogate, private-use or unassigned characters. */
    static final Pattern PRINTABLE = Pattern.compile("[^\\p{C}]+");
    static final Set<String> FIELDS = Set.of("queueKey", "groupId", "members", "groupSize", "region", "constraints");
    static final int MAX_QUEUE_KEY = 128;
    static final int MAX_GROUP_ID = 128;
    static final int MAX_PLAYER_ID = 64;
    static final int MAX_REGION = 64;

    private final int maxPartySize;

    public EnqueueRequestReader(MatchmakingProperties properties) {
        this.maxPartySize = properties.maxPartySize();
    }

    public EnqueueCommand read(JsonNode body) {
        return read(body, Set.of());
    }

    /** @param envelopeFields extra top-level names the transport uses (the WebSocket {@code action}) */
    public EnqueueCommand read(JsonNode body, Set<String> envelopeFields) {
        JsonFields fields = JsonFields.of(body);
        fields.rejectUnknown(envelopeFields.isEmpty() ? FIELDS : union(envelopeFields));
        String queueKey = fields.string("queueKey", true, 1, MAX_QUEUE_KEY, QUEUE_KEY, "A-Z a-z 0-9 . _ : -");
        String groupId = fields.string("groupId", false, 1, MAX_GROUP_ID, ID, "A-Z a-z 0-9 . _ : @ -");
        List<String> members = fields.distinctStrings("members", true, 1, maxPartySize, MAX_PLAYER_ID, ID,
                "A-Z a-z 0-9 . _ : @ -");
        Integer groupSize = fields.integer("groupSize", true, 1, Integer.MAX_VALUE);
        String region = fields.string("region", false, 1, MAX_REGION, PRINTABLE, "printable characters");
        JsonNode constraints = fields.object("constraints", false);
        if (members != null && groupSize != null && members.size() != groupSize) {
            fields.violation("groupSize", "must equal the number of members (" + members.size() + ")");
        }
        fields.throwIfInvalid();
        return new EnqueueCommand(Objects.requireNonNull(queueKey), groupId, Objects.requireNonNull(members),
                Objects.requireNonNull(groupSize), region, constraints == null ? null : constraints.toString());
    }

    private static Set<String> union(Set<String> envelopeFields) {
        var all = new java.util.HashSet<>(FIELDS);
        all.addAll(envelopeFields);
        return all;
    }
}
