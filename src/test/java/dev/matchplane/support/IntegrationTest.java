package dev.matchplane.support;

import java.util.UUID;

import dev.matchplane.redis.RedisKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every test that runs the whole application on a real port against a real Redis ({@link TestRedis}).
 * Each application context gets its own key prefix, so contexts (and their ticks) never see each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "matchmaking.redis.embedded=never", "logging.level.dev.matchplane=WARN" })
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected StringRedisTemplate redis;

    @Autowired
    protected RedisKeys keys;

    @DynamicPropertySource
    static void redisProperties(DynamicPropertyRegistry registry) {
        String url = TestRedis.url();
        String prefix = TestRedis.newPrefix("mmt");
        registry.add("spring.data.redis.url", () -> url);
        registry.add("matchmaking.redis.key-prefix", () -> prefix);
    }

    protected HttpJson http() {
        return new HttpJson("http://127.0.0.1:" + port);
    }

    /** A name no other test uses: queue keys, group and player ids stay private to one test. */
    protected static String unique(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
