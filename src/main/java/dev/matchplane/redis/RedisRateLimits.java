package dev.matchplane.redis;

import dev.matchplane.web.RateLimits;
import java.time.Duration;
import java.util.List;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/** {@link RateLimits} on Redis: INCR and PEXPIRE of one counter key in one Lua call (rate-limit.lua). */
@Component
class RedisRateLimits implements RateLimits {

    static final Duration WINDOW = Duration.ofSeconds(1);

    private final RedisScript<Long> script = LuaScripts.returningLong("rate-limit");
    private final StringRedisTemplate redis;
    private final RedisKeys keys;

    RedisRateLimits(StringRedisTemplate redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public boolean tryAcquire(String scope, String client, int limitPerSecond) {
        Long count = redis.execute(script, List.of(keys.rateLimit(scope, client)),
                Long.toString(WINDOW.toMillis()));
        return count != null && count <= limitPerSecond;
    }
}
