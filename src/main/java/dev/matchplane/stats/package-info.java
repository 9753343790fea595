/**
 * Queue statistics and wait estimates: what the commits write per queue and second in Redis, read back as depth,
 * oldest wait, matches per minute, time-to-match percentiles and the estimate a player sees at enqueue.
 */
@NullMarked
package dev.matchplane.stats;

import org.jspecify.annotations.NullMarked;
