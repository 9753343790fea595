package dev.matchplane.matching;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.matchplane.redis.RedisKeys;
import dev.matchplane.redis.RedisPipelines;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.stereotype.Component;

/** {@link ShardDirectory} in one pipelined round trip: every shard lock, the holder records and the heartbeats. */
@Component
class RedisShardDirectory implements ShardDirectory {

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final QueueShards shards;
    private final Duration liveWithin;
    private final Clock clock;

    RedisShardDirectory(StringRedisTemplate redis, RedisKeys keys, QueueShards shards, MatchmakingProperties properties,
            Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.shards = shards;
        this.liveWithin = properties.lockTtl();
        this.clock = clock;
    }

    @Override
    public Snapshot read() {
        List<String> lockKeys = new ArrayList<>(shards.count());
        for (int shard = 0; shard < shards.count(); shard++) {
            lockKeys.add(keys.shardLock(shard));
        }
        List<Object> replies = RedisPipelines.run(redis, pipeline -> {
            pipeline.opsForValue().multiGet(lockKeys);
            pipeline.opsForHash().entries(keys.shardHolders());
            pipeline.opsForZSet().rangeWithScores(keys.tickingNodes(), 0, -1);
        });
        List<?> locks = (List<?>) replies.get(0);
        Map<?, ?> records = (Map<?, ?>) replies.get(1);
        List<Holding> holdings = new ArrayList<>(shards.count());
        Map<String, Integer> heldBy = new HashMap<>();
        for (int shard = 0; shard < shards.count(); shard++) {
            Holding holding = holding(shard, (String) locks.get(shard), (String) records.get(Integer.toString(shard)));
            holdings.add(holding);
            if (holding.holder() != null) {
                heldBy.merge(holding.holder(), 1, Integer::sum);
            }
        }
        return new Snapshot(holdings, instances((Set<?>) replies.get(2), heldBy));
    }

    /** The lock's fence; the record ({@code <fence>:<since>:<nodeId>}) names the holder only if it has that fence. */
    private static Holding holding(int shard, @Nullable String lock, @Nullable String record) {
        if (lock == null) {
            return new Holding(shard, null, null, null);
        }
        long fence = Long.parseLong(lock);
        if (record != null) {
            String[] parts = record.split(":", 3);
            if (parts.length == 3 && parts[0].equals(lock)) {
                return new Holding(shard, parts[2], Instant.ofEpochMilli(Long.parseLong(parts[1])), fence);
            }
        }
        return new Holding(shard, null, null, fence);
    }

    private List<Instance> instances(Set<?> heartbeats, Map<String, Integer> heldBy) {
        long liveSince = clock.millis() - liveWithin.toMillis();
        List<Instance> instances = new ArrayList<>();
        for (Object entry : heartbeats) {
            TypedTuple<?> beat = (TypedTuple<?>) entry;
            String nodeId = String.valueOf(beat.getValue());
            long lastSeen = beat.getScore() == null ? 0 : beat.getScore().longValue();
            instances.add(new Instance(nodeId, Instant.ofEpochMilli(lastSeen), lastSeen >= liveSince,
                    heldBy.getOrDefault(nodeId, 0)));
        }
        return instances;
    }
}
