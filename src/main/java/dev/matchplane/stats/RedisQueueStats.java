package dev.matchplane.stats;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.matchplane.redis.LuaScripts;
import dev.matchplane.redis.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

/**
 * Reads a queue's statistics with one script (queue-stats.lua) over the per-second buckets the commits write, so
 * every instance answers the same and memory stays bounded: at most 360 small hashes per queue that matched.
 */
@Repository
@SuppressWarnings({ "rawtypes", "unchecked" })
public class RedisQueueStats {

    static final int TIME_TO_MATCH_SECONDS = 300;
    static final int MATCHES_SECONDS = 60;

    private final RedisScript<List> script = LuaScripts.returningList("queue-stats");
    private final StringRedisTemplate redis;
    private final RedisKeys keys;

    RedisQueueStats(StringRedisTemplate redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    public QueueStatistics read(String queueKey, Instant now) {
        String bucketPrefix = keys.queueStats(queueKey, 0).replaceFirst("0$", "");
        List reply = redis.execute(script, List.of(keys.queue(queueKey)), bucketPrefix,
                Long.toString(now.getEpochSecond()), Integer.toString(TIME_TO_MATCH_SECONDS),
                Integer.toString(MATCHES_SECONDS));
        long waiting = (Long) reply.get(0);
        String oldest = (String) reply.get(1);
        long oldestWait = oldest.isEmpty() ? 0
                : Math.max(0, now.toEpochMilli() - (long) Double.parseDouble(oldest));
        Map<Integer, Long> histogram = new HashMap<>();
        List<Object> flat = (List<Object>) reply.get(4);
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            histogram.put(((Long) flat.get(i)).intValue(), (Long) flat.get(i + 1));
        }
        long firstRecent = (Long) reply.get(5);
        // the pace is measured over the part of the last minute that had matches: a queue that started 5 s ago
        // must not look twelve times slower than it is
        long recentSpanMs = firstRecent == 0 ? MATCHES_SECONDS * 1000L
                : Math.min(MATCHES_SECONDS, now.getEpochSecond() - firstRecent + 1) * 1000L;
        return new QueueStatistics(queueKey, waiting, oldestWait, (Long) reply.get(2), (Long) reply.get(3),
                recentSpanMs, QueueStatistics.quantile(histogram, 0.5), QueueStatistics.quantile(histogram, 0.9));
    }

    /** Queue keys with a committed match in the last hour, the stale ones dropped: what the metrics report. */
    public List<String> recentQueues(Instant now) {
        long hourAgo = now.toEpochMilli() - 3_600_000L;
        redis.opsForZSet().removeRangeByScore(keys.statsQueues(), Double.NEGATIVE_INFINITY, hourAgo);
        return List.copyOf(redis.opsForZSet().range(keys.statsQueues(), 0, -1));
    }
}
