package dev.matchplane.matching;

import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;

import dev.matchplane.redis.LuaScripts;
import dev.matchplane.redis.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * {@link TickLock} per shard as {@code SET PX} with a fencing counter per shard, taken, renewed and released by
 * compare-and-set scripts; an acquisition records this instance's node id and the time for the admin view.
 */
@Component
class RedisTickLock implements TickLock {

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final Clock clock;
    private final String leaseMillis;
    private final String nodeId;
    private final RedisScript<Long> acquire = LuaScripts.returningLong("shard-lock");
    private final RedisScript<Long> unlock = LuaScripts.returningLong("shard-unlock");

    RedisTickLock(StringRedisTemplate redis, RedisKeys keys, MatchmakingProperties properties, Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.clock = clock;
        this.leaseMillis = Long.toString(properties.lockTtl().toMillis());
        this.nodeId = properties.nodeId();
    }

    @Override
    public OptionalLong acquireOrRenew(int shard, long heldFence) {
        Long fence = redis.execute(acquire, List.of(keys.shardLock(shard), keys.shardFence(shard),
                keys.shardHolders()), Long.toString(heldFence), leaseMillis, Integer.toString(shard), nodeId,
                Long.toString(clock.millis()));
        return fence == null || fence == 0L ? OptionalLong.empty() : OptionalLong.of(fence);
    }

    @Override
    public void release(int shard, long heldFence) {
        redis.execute(unlock, List.of(keys.shardLock(shard)), Long.toString(heldFence));
    }
}
