package dev.matchplane.system;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * This instance's name in logs, metrics and the shard view: {@code NODE_ID}, else {@code HOSTNAME} (both
 * through {@code matchmaking.node-id}), else the machine's host name, else a random {@code node-xxxxxxxx}. Never
 * empty: an empty name hides which instance holds which shard.
 */
public final class NodeId {

    private NodeId() {
    }

    /** {@code configured} when it is not blank, else the first fallback that gives a name. */
    public static String orFallback(@Nullable String configured) {
        return resolve(configured, NodeId::localHostName);
    }

    static String resolve(@Nullable String configured, Supplier<@Nullable String> hostName) {
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        String host = hostName.get();
        if (host != null && !host.isBlank()) {
            return host.trim();
        }
        return "node-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static @Nullable String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException | SecurityException unresolvable) {
            return null;
        }
    }
}
