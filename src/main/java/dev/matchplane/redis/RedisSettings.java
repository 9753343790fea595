package dev.matchplane.redis;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Matchplane keeps its keys, and whether it may start a throw-away Redis for development.
 *
 * @param keyPrefix namespace of every key and channel (default {@code mm:}); lets several deployments share one Redis
 * @param embedded  {@code auto} starts an embedded Redis when nothing answers at the configured address; {@code never} does not
 */
@ConfigurationProperties("matchmaking.redis")
public record RedisSettings(@DefaultValue("mm:") String keyPrefix, @DefaultValue("auto") EmbeddedMode embedded) {

    public enum EmbeddedMode { AUTO, NEVER }

    public RedisSettings {
        if (keyPrefix.isBlank()) {
            throw new IllegalArgumentException("matchmaking.redis.key-prefix must not be blank");
        }
    }
}
