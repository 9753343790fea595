package dev.matchplane.stats;

import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * One queue's figures as {@code GET /v1/matchmaking/queues/{queueKey}/stats} shows them.
 *
 * @param waiting           tickets waiting now
 * @param oldestWaitMs      how long the oldest of them has waited (0 when none waits)
 * @param matchesLastMinute matches committed in the last 60 s
 * @param ticketsLastMinute tickets matched (new matches and backfills) in the last 60 s
 * @param recentSpanMs      the part of the last 60 s since its first match (the whole minute when none)
 * @param p50               median time to match over the last 5 minutes, null without samples
 * @param p90               90th percentile of the same, null without samples
 */
public record QueueStatistics(String queueKey, long waiting, long oldestWaitMs, long matchesLastMinute,
        long ticketsLastMinute, long recentSpanMs, @Nullable Long p50, @Nullable Long p90) {

    /** Bucket 0 is [0, 100) ms; bucket i >= 1 is [100 * 2^((i-1)/4), 100 * 2^(i/4)) ms, as commit.lua writes it. */
    static double upperBound(int bucket) {
        return 100 * Math.pow(2, bucket / 4.0);
    }

    static double lowerBound(int bucket) {
        return bucket == 0 ? 0 : upperBound(bucket - 1);
    }

    /**
     * The quantile of a merged histogram, interpolated linearly inside its bucket; the bounds are 19 % apart, so the
     * error is at most that.
     */
    static @Nullable Long quantile(Map<Integer, Long> histogram, double q) {
        long total = histogram.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        double rank = q * total;
        long seen = 0;
        for (Map.Entry<Integer, Long> bucket : new TreeMap<>(histogram).entrySet()) {
            if (seen + bucket.getValue() >= rank) {
                double within = (rank - seen) / bucket.getValue();
                double low = lowerBound(bucket.getKey());
                return Math.round(low + within * (upperBound(bucket.getKey()) - low));
            }
            seen += bucket.getValue();
        }
        return Math.round(upperBound(new TreeMap<>(histogram).lastKey()));
    }

    /**
     * The wait a ticket joining now can expect (docs/rest-api.md, queue statistics): the recent median time to
     * match, or, when the queue holds more than that pace clears, the time to clear it (Little's law, the queue's
     * depth over its recent throughput): {@code max(p50, depth / matchSize * recentSpanMs / matchesLastMinute)}.
     * Null without history: never a guess.
     *
     * @param depth     tickets the new ticket waits behind, itself included
     * @param matchSize players per match of the queue
     */
    @Nullable Long estimatedWaitMs(long depth, int matchSize) {
        if (p50 == null) {
            return null;
        }
        if (matchesLastMinute == 0 || depth <= matchSize) {
            return p50;
        }
        return Math.max(p50, depth * recentSpanMs / ((long) matchSize * matchesLastMinute));
    }
}
