package dev.matchplane.matching;

import java.time.Instant;

/**
 * The time a tick runs at, the shard it works, and the fencing token it holds that shard's lock with; every claim
 * and commit carries them.
 */
record TickContext(Instant now, int shard, long fence) {
}
