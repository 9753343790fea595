package dev.matchplane.provisioning;

import java.time.Duration;
import java.time.Instant;

/** A game server as stored: what it sent last, when it first registered and when it was last heard from. */
public record RegisteredServer(GameServer server, Instant registeredAt, Instant lastSeenAt) {

    /** Stale (dead): its last heartbeat is older than the TTL, so it is no longer chosen for new lands. */
    public boolean isStale(Instant now, Duration ttl) {
        return lastSeenAt.isBefore(now.minus(ttl));
    }
}
