package dev.matchplane.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.matchplane.matching.QueueShards;
import dev.matchplane.redis.RedisKeys;
import dev.matchplane.redis.RedisPipelines;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.stereotype.Repository;

/**
 * {@link QueueSummaries} from the active-queues set and one ZCARD per queue, pipelined: two round trips whatever
 * the number of queues. A queue leaves the set when its last ticket goes, so idle queues cost nothing here either.
 * A queue's score is each ticket's enqueue time (a returned claim keeps its own), so its first entry is the oldest.
 */
@Repository
class RedisQueueSummaries implements QueueSummaries {

    private final StringRedisTemplate redis;
    private final RedisKeys keys;

    private final List<String> activeSets;

    RedisQueueSummaries(StringRedisTemplate redis, RedisKeys keys, QueueShards shards) {
        this.redis = redis;
        this.keys = keys;
        List<String> sets = new ArrayList<>(shards.count() + 1);
        for (int shard = 0; shard < shards.count(); shard++) {
            sets.add(keys.activeQueues(shard));
        }
        sets.add(keys.legacyActiveQueues()); // queues of before sharding, until the holder of shard 0 moves them
        this.activeSets = List.copyOf(sets);
    }

    /** Every shard's active queues, in one SUNION. */
    private List<String> activeQueues() {
        Set<String> all = redis.opsForSet().union(activeSets);
        return all == null ? new ArrayList<>() : new ArrayList<>(all);
    }

    @Override
    public SortedMap<String, Long> queuedCounts() {
        List<String> queueKeys = activeQueues();
        List<Object> counts = RedisPipelines.run(redis,
                pipeline -> queueKeys.forEach(queueKey -> pipeline.opsForZSet().zCard(keys.queue(queueKey))));
        SortedMap<String, Long> summary = new TreeMap<>();
        for (int i = 0; i < queueKeys.size(); i++) {
            long count = ((Number) counts.get(i)).longValue();
            // Zero only in the instant a tick holds every ticket of the queue claimed: nothing waits there.
            if (count > 0) {
                summary.put(queueKeys.get(i), count);
            }
        }
        return summary;
    }

    @Override
    public SortedMap<String, Waiting> waiting() {
        List<String> queueKeys = activeQueues();
        List<Object> replies = RedisPipelines.run(redis, pipeline -> queueKeys.forEach(queueKey -> {
            pipeline.opsForZSet().zCard(keys.queue(queueKey));
            pipeline.opsForZSet().rangeWithScores(keys.queue(queueKey), 0, 0);
        }));
        SortedMap<String, Waiting> summary = new TreeMap<>();
        for (int i = 0; i < queueKeys.size(); i++) {
            long count = ((Number) replies.get(2 * i)).longValue();
            Set<?> oldest = (Set<?>) replies.get(2 * i + 1);
            if (count > 0 && oldest != null && !oldest.isEmpty()) {
                Double score = ((TypedTuple<?>) oldest.iterator().next()).getScore();
                summary.put(queueKeys.get(i), new Waiting(count, score == null ? 0 : score.longValue()));
            }
        }
        return summary;
    }
}
