package dev.matchplane.matching;

import java.time.Instant;

/** The time a tick runs at and the fencing token it holds the tick lock with; every claim and commit carries both. */
record TickContext(Instant now, long fence) {
}
