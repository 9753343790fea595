package dev.matchplane.ticket;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.matchplane.web.Distinct;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import dev.matchplane.matching.rules.PlayerData;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A party to queue, over REST or the WebSocket. Read strictly (no coercion, unknown fields refused) and validated by
 * {@link dev.matchplane.web.JsonRecords}; every component is nullable until validation has passed.
 */
@GroupSizeMatchesMembers
@PlayersAreMembers
@Schema(description = "A party to queue. Unknown fields are refused (400).",
        additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record EnqueueRequest(
        @Schema(description = "Queue to join; the part before the first `:` is the landType, the first `<n>v<m>` "
                + "or `<n>` segment the match size", example = "ranked:2v2",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull(message = REQUIRED) @Size(min = 1, max = 128, message = LENGTH)
        @Pattern(regexp = QUEUE_KEY, message = "may contain only A-Z a-z 0-9 . _ : -")
        @Nullable String queueKey,

        @Schema(description = "Dedup key; absent: the server generates `group-…`", example = "party-42")
        @Size(min = 1, max = 128, message = LENGTH) @Pattern(regexp = ID, message = ID_RULE)
        @Nullable String groupId,

        @ArraySchema(arraySchema = @Schema(description = "Distinct player ids, at least one, at most "
                + "`matchmaking.max-party-size` (MATCHMAKING_MAX_PARTY_SIZE)", example = "[\"alice\", \"bob\"]",
                requiredMode = Schema.RequiredMode.REQUIRED), uniqueItems = true,
                schema = @Schema(description = "A player id", minLength = 1, maxLength = MAX_PLAYER_ID, pattern = ID))
        @NotNull(message = REQUIRED) @PartySize @Distinct
        @Nullable List<@Size(min = 1, max = MAX_PLAYER_ID, message = LENGTH)
                @Pattern(regexp = ID, message = ID_RULE) String> members,

        @Schema(description = "Must equal the number of members; a string or a fraction is refused, never coerced",
                example = "2", minimum = "1", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull(message = REQUIRED) @Min(value = 1, message = "must be between 1 and 2147483647")
        @Nullable Integer groupSize,

        @Schema(description = "Preferred game-server region; printable characters only", example = "eu-west")
        @Size(min = 1, max = 64, message = LENGTH) @Pattern(regexp = PRINTABLE, message = "may contain only "
                + "printable characters")
        @Nullable String region,

        @Schema(description = "Any JSON object, stored with the ticket (reserved for matching rules)",
                type = "object", example = "{\"mode\": \"casual\"}")
        @Nullable ObjectNode constraints,

        @Schema(description = "Attributes and latencies per member, for queues under a rule set "
                + "(docs/matching-rules.md); keys must be members. A member without an entry reported nothing.",
                example = "{\"alice\": {\"attributes\": {\"skill\": 1510}, \"latencies\": {\"eu-west\": 35}}}")
        @Nullable Map<String, @Valid PlayerInput> players) {

    static final String REQUIRED = "is required";
    static final String LENGTH = "must be {min} to {max} characters";
    static final String QUEUE_KEY = "^[A-Za-z0-9._:-]+$";
    static final String ID = "^[A-Za-z0-9._:@-]+$";
    static final String ID_RULE = "may contain only A-Z a-z 0-9 . _ : @ -";
    /** No control, format (bidi overrides, zero-width), surrogate, private-use or unassigned characters. */
    static final String PRINTABLE = "^[^\\p{C}]+$";
    static final int MAX_PLAYER_ID = 64;

    /** Only once validated: every required component is then present. */
    public EnqueueCommand toCommand() {
        return new EnqueueCommand(java.util.Objects.requireNonNull(queueKey), groupId,
                java.util.Objects.requireNonNull(members), java.util.Objects.requireNonNull(groupSize), region,
                constraints == null ? null : constraints.toString(), playerData());
    }

    private Map<String, PlayerData> playerData() {
        Map<String, PlayerData> data = new LinkedHashMap<>();
        if (players != null) {
            players.forEach((playerId, input) -> data.put(playerId, input == null ? PlayerData.NONE
                    : input.toPlayerData()));
        }
        return data;
    }
}
