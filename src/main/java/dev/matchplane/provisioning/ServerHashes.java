package dev.matchplane.provisioning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** Maps a game server to the fields of its {@code P server:<id>} hash and back; the field names live here only. */
final class ServerHashes {

    private ServerHashes() {
    }

    /** Field/value pairs of everything the server sent; absent optional fields are left out, not stored empty. */
    static List<String> fields(GameServer server) {
        List<String> pairs = new ArrayList<>(18);
        add(pairs, "serverId", server.serverId());
        add(pairs, "host", server.host());
        add(pairs, "port", server.port());
        add(pairs, "landType", server.landType());
        add(pairs, "connectHost", server.connectHost());
        add(pairs, "connectPort", server.connectPort());
        add(pairs, "connectScheme", server.connectScheme());
        add(pairs, "region", server.region());
        add(pairs, "capacity", server.capacity());
        return pairs;
    }

    /** Empty when the hash is gone or was not written by {@link #fields} (removed between two reads). */
    static Optional<RegisteredServer> read(String serverId, @Nullable Map<String, String> hash) {
        if (hash == null || !hash.containsKey("host") || !hash.containsKey("lastSeenAt")) {
            return Optional.empty();
        }
        GameServer server = new GameServer(serverId, hash.get("host"), Integer.parseInt(hash.get("port")),
                hash.get("landType"), hash.get("connectHost"), integer(hash.get("connectPort")),
                hash.get("connectScheme"), hash.get("region"), integer(hash.get("capacity")));
        return Optional.of(new RegisteredServer(server, millis(hash.get("registeredAt")),
                millis(hash.get("lastSeenAt"))));
    }

    private static void add(List<String> pairs, String field, @Nullable Object value) {
        if (value != null) {
            pairs.add(field);
            pairs.add(value.toString());
        }
    }

    private static @Nullable Integer integer(@Nullable String value) {
        return value == null || value.isEmpty() ? null : Integer.valueOf(value);
    }

    private static Instant millis(String value) {
        return Instant.ofEpochMilli(Long.parseLong(value));
    }
}
