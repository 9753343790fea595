package dev.matchplane.redis;

import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Sends many reads in one round trip: a batch of HGETALLs or ZCARDs costs one network wait, not one each. */
public final class RedisPipelines {

    private RedisPipelines() {
    }

    /**
     * Runs {@code commands} on {@code redis} pipelined and returns their results, deserialized, in call order.
     * Within the callback the template is bound to the pipelined connection, so its operations return null there.
     */
    public static List<Object> run(StringRedisTemplate redis, Consumer<StringRedisTemplate> commands) {
        return redis.executePipelined(new SessionCallback<@Nullable Object>() {
            @Override
            public <K, V> @Nullable Object execute(RedisOperations<K, V> operations) {
                commands.accept(redis);
                return null;
            }
        });
    }
}
