package dev.matchplane.provisioning;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The game servers and the lands they run. A server is live while its last heartbeat is within the TTL
 * ({@code provisioning.server-ttl}); every method takes {@code now} so that callers and tests decide the time.
 */
public interface GameServerRegistry {

    /** Registers a server or records its heartbeat; returns true when it was not registered before. */
    boolean register(GameServer server, Instant now);

    /** Forgets a server, its index entries and its lands; returns true when it was registered. */
    boolean remove(String serverId);

    /** Every registered server, live or stale, ordered by id. */
    List<RegisteredServer> servers();

    /** Lands counting against each server's capacity at {@code now} (released ones do not), by server id. */
    Map<String, Long> landsInUse(List<String> serverIds, Instant now);

    /** A server whose last heartbeat is at or after this instant is live ({@code now} less the TTL). */
    Instant liveSince(Instant now);

    /** Reserves one land per request in ONE Lua script call; result[i] empty when no live server has room. */
    List<Optional<Allocation>> allocate(List<AllocationRequest> requests, Instant now);

    /** Frees lands reserved by allocate (the match was not committed). One call. */
    void release(List<Allocation> allocations);

    /** Removes servers whose heartbeat is older than the TTL, at most {@code batch}; returns how many. */
    int sweepDead(Instant now, int batch);
}
