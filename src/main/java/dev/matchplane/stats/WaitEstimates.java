package dev.matchplane.stats;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.matchplane.matching.QueueCatalog;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The {@code estimatedWaitMs} of the enqueue reply. Reading the statistics is a script over 300 buckets, so the
 * enqueue path does not pay it per call: each instance keeps each queue's figures for one second (the same
 * freshness the stats endpoint promises with {@code max-age=1}), so a busy queue costs one extra Redis call per
 * second per instance, not one per enqueue. The depth is the cached one plus this ticket.
 */
@Component
public class WaitEstimates {

    /** Entries for queues nobody enqueued in for a while are dropped when the map grows past this. */
    private static final int MAX_QUEUES = 10_000;
    private static final long FRESH_MILLIS = 1_000;

    private final RedisQueueStats stats;
    private final QueueCatalog catalog;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    WaitEstimates(RedisQueueStats stats, QueueCatalog catalog, Clock clock) {
        this.stats = stats;
        this.catalog = catalog;
        this.clock = clock;
    }

    private record Cached(QueueStatistics statistics, long readAtMillis) {
    }

    /** The estimate for a ticket joining {@code queueKey} now; null when the queue has no recent history. */
    public @Nullable Long forNewTicket(String queueKey) {
        long now = clock.millis();
        Cached cached = cache.get(queueKey);
        if (cached == null || now - cached.readAtMillis() >= FRESH_MILLIS) {
            if (cache.size() >= MAX_QUEUES) {
                cache.values().removeIf(entry -> now - entry.readAtMillis() >= FRESH_MILLIS);
            }
            cached = new Cached(stats.read(queueKey, clock.instant()), now);
            cache.put(queueKey, cached);
        }
        return cached.statistics().estimatedWaitMs(cached.statistics().waiting() + 1,
                catalog.policyFor(queueKey).matchSize());
    }

    /** The estimate shown by the stats endpoint: for the queue as it is now. */
    public static @Nullable Long forQueue(QueueStatistics statistics, int matchSize) {
        return statistics.estimatedWaitMs(Math.max(1, statistics.waiting()), matchSize);
    }
}
