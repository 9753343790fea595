package dev.matchplane.matching;

import java.util.List;
import java.util.OptionalLong;

import dev.matchplane.redis.LuaScripts;
import dev.matchplane.redis.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/** {@link TickLock} as {@code SET NX PX} with a fencing counter, renewed and released by compare-and-set scripts. */
@Component
class RedisTickLock implements TickLock {

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final String leaseMillis;
    private final RedisScript<Long> acquire = LuaScripts.returningLong("tick-lock");
    private final RedisScript<Long> unlock = LuaScripts.returningLong("tick-unlock");

    RedisTickLock(StringRedisTemplate redis, RedisKeys keys, MatchmakingProperties properties) {
        this.redis = redis;
        this.keys = keys;
        this.leaseMillis = Long.toString(properties.lockTtl().toMillis());
    }

    @Override
    public OptionalLong acquireOrRenew(long heldFence) {
        Long fence = redis.execute(acquire, List.of(keys.tickLock(), keys.tickFence()), Long.toString(heldFence),
                leaseMillis);
        return fence == null || fence == 0L ? OptionalLong.empty() : OptionalLong.of(fence);
    }

    @Override
    public void release(long heldFence) {
        redis.execute(unlock, List.of(keys.tickLock()), Long.toString(heldFence));
    }
}
