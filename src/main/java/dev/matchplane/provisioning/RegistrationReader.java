package dev.matchplane.provisioning;

import java.util.Objects;
import java.util.regex.Pattern;

import dev.matchplane.system.JsonFields;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Validates a register/heartbeat body (CONTRACT §4), naming every offending field at once. Unknown fields are
 * tolerated: game servers of the earlier control plane send extra metadata and must keep working.
 */
final class RegistrationReader {

    static final Pattern SERVER_ID = Pattern.compile("[A-Za-z0-9._:@-]+");
    static final Pattern LAND_TYPE = Pattern.compile("[A-Za-z0-9._-]+");
    /** No control, format (bidi overrides, zero-width), surrogate, private-use or unassigned characters. */
    private static final Pattern PRINTABLE = Pattern.compile("[^\\p{C}]+");
    /** Printable, without spaces or the URL delimiters that would let a host reshape the connectUrl built from it. */
    private static final Pattern HOST = Pattern.compile("[^\\p{C}\\p{Z}/?#@\\\\]+");
    private static final String HOST_CHARACTERS = "printable characters except spaces and / ? # @ \\";
    static final int MAX_SERVER_ID = 128;
    static final int MAX_HOST = 255;
    static final int MAX_LAND_TYPE = 128;
    static final int MAX_REGION = 64;
    static final int MAX_PORT = 65535;

    private RegistrationReader() {
    }

    static GameServer read(@Nullable JsonNode body) {
        JsonFields fields = JsonFields.of(body);
        String serverId = fields.string("serverId", true, 1, MAX_SERVER_ID, SERVER_ID, "A-Z a-z 0-9 . _ : @ -");
        String host = fields.string("host", true, 1, MAX_HOST, HOST, HOST_CHARACTERS);
        Integer port = fields.integer("port", true, 1, MAX_PORT);
        String landType = fields.string("landType", true, 1, MAX_LAND_TYPE, LAND_TYPE, "A-Z a-z 0-9 . _ -");
        String connectHost = fields.string("connectHost", false, 1, MAX_HOST, HOST, HOST_CHARACTERS);
        Integer connectPort = fields.integer("connectPort", false, 1, MAX_PORT);
        String connectScheme = scheme(fields);
        String region = fields.string("region", false, 1, MAX_REGION, PRINTABLE, "printable characters");
        Integer capacity = fields.integer("capacity", false, 1, Integer.MAX_VALUE);
        fields.throwIfInvalid();
        return new GameServer(Objects.requireNonNull(serverId), Objects.requireNonNull(host),
                Objects.requireNonNull(port), Objects.requireNonNull(landType), connectHost, connectPort,
                connectScheme, region, capacity);
    }

    private static @Nullable String scheme(JsonFields fields) {
        String scheme = fields.string("connectScheme", false, 1, 16, null, "");
        if (scheme != null && !scheme.equals("ws") && !scheme.equals("wss")) {
            fields.violation("connectScheme", "must be ws or wss");
            return null;
        }
        return scheme;
    }
}
