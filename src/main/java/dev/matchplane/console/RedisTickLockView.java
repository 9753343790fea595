package dev.matchplane.console;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import dev.matchplane.redis.RedisKeys;
import dev.matchplane.redis.RedisPipelines;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

/**
 * Who holds the matching, read from the tick lock itself: its value is the holder's fencing token (the lock does not
 * name the instance), its TTL the rest of the lease. Read-only: the console never touches the lock.
 */
@Repository
class RedisTickLockView {

    private final StringRedisTemplate redis;
    private final RedisKeys keys;

    RedisTickLockView(StringRedisTemplate redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** The lock as it stands: the holder's fence and lease left, or both empty when no instance holds it. */
    TickLockState read() {
        List<Object> replies = RedisPipelines.run(redis, pipeline -> {
            pipeline.opsForValue().get(keys.tickLock());
            pipeline.getExpire(keys.tickLock(), TimeUnit.MILLISECONDS);
            pipeline.opsForValue().get(keys.tickFence());
        });
        OptionalLong fence = number(replies.get(0));
        long ttl = replies.get(1) instanceof Number n ? n.longValue() : -2;
        return new TickLockState(fence, fence.isPresent() && ttl >= 0 ? OptionalLong.of(ttl) : OptionalLong.empty(),
                number(replies.get(2)));
    }

    private static OptionalLong number(Object reply) {
        return reply instanceof String text && !text.isEmpty() ? OptionalLong.of(Long.parseLong(text))
                : OptionalLong.empty();
    }

    /**
     * @param holderFence the fencing token of the instance holding the lock
     * @param leaseLeftMs how long its lease runs unless renewed
     * @param lastFence   the last token handed out: how many times the lock changed hands
     */
    record TickLockState(OptionalLong holderFence, OptionalLong leaseLeftMs, OptionalLong lastFence) {
    }
}
