package dev.matchplane.provisioning;

import org.jspecify.annotations.Nullable;

/** A land reserved on a game server; {@code connectUrl} is the assignment's (docs/rest-api.md), without the token. */
public record Allocation(String serverId, String landId, String connectUrl, @Nullable String serverRegion) {

    public Allocation(String serverId, String landId, String connectUrl) {
        this(serverId, landId, connectUrl, null);
    }
}
