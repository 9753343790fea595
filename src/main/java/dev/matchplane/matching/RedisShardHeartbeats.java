package dev.matchplane.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import dev.matchplane.redis.LuaScripts;
import dev.matchplane.redis.RedisKeys;
import dev.matchplane.system.ConditionalOnRole;
import dev.matchplane.system.Role;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * What the fair share reads in Redis: this instance's heartbeat in {@code P nodes} with the count of live instances
 * (shard-heartbeat.lua), leaving on a clean stop, and which shard locks are free right now.
 */
@Component
@ConditionalOnRole({ Role.ALL, Role.QUEUE_WORKER })
class RedisShardHeartbeats {

    /** A dead instance's heartbeat is dropped from the set this many lock TTLs after it stopped. */
    private static final int FORGET_AFTER_TTLS = 12;

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final String nodeId;
    private final String liveMillis;
    private final String forgetMillis;
    private final List<String> lockKeys;
    private final RedisScript<Long> heartbeat = LuaScripts.returningLong("shard-heartbeat");

    RedisShardHeartbeats(StringRedisTemplate redis, RedisKeys keys, QueueShards shards,
            MatchmakingProperties properties) {
        this.redis = redis;
        this.keys = keys;
        this.nodeId = properties.nodeId();
        this.liveMillis = Long.toString(properties.lockTtl().toMillis());
        this.forgetMillis = Long.toString(properties.lockTtl().toMillis() * FORGET_AFTER_TTLS);
        List<String> locks = new ArrayList<>(shards.count());
        for (int shard = 0; shard < shards.count(); shard++) {
            locks.add(keys.shardLock(shard));
        }
        this.lockKeys = List.copyOf(locks);
    }

    /** Announces this instance; returns the live instances (heartbeat within the lock TTL), this one included. */
    int beat(Instant now) {
        Long live = redis.execute(heartbeat, List.of(keys.tickingNodes()), nodeId, Long.toString(now.toEpochMilli()),
                liveMillis, forgetMillis);
        return live == null ? 1 : (int) Math.max(1, live);
    }

    /** Leaves the set of ticking instances (clean stop): the others count one less at once. */
    void leave() {
        redis.opsForZSet().remove(keys.tickingNodes(), nodeId);
    }

    /** The shards whose lock no instance holds (one MGET). */
    BitSet freeShards() {
        List<String> locks = redis.opsForValue().multiGet(lockKeys);
        BitSet free = new BitSet(lockKeys.size());
        for (int shard = 0; locks != null && shard < locks.size(); shard++) {
            free.set(shard, locks.get(shard) == null);
        }
        return free;
    }
}
