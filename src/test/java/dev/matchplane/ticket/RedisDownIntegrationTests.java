package dev.matchplane.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import java.util.UUID;

import dev.matchplane.support.HttpJson;
import dev.matchplane.support.HttpJson.Response;
import dev.matchplane.support.OwnRedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Redis goes away under a running instance: requests fail fast with 503 STORE_UNAVAILABLE (not a hang, not a 500),
 * and the instance recovers by itself when Redis is back, with the tickets it acknowledged before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "matchmaking.redis.embedded=never", "spring.data.redis.timeout=1s" })
class RedisDownIntegrationTests {

    /** This test's own Redis, durable (AOF, fsync always), so that it can be stopped and started again. */
    private static final OwnRedisServer OWN_REDIS = OwnRedisServer.startDurable();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void ownRedis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", OWN_REDIS::url);
    }

    private HttpJson http() {
        return new HttpJson("http://127.0.0.1:" + port);
    }

    private static String unique(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterAll
    static void stopOwnRedis() {
        OWN_REDIS.stop();
    }

    @Test
    void whenRedisStopsThenStoreUnavailableWithinTimeoutAndRecoveryWithoutRestart() {
        String before = http().post("/v1/matchmaking/enqueue", TicketApiIntegrationTests.enqueueBody(unique("q"),
                unique("g"), unique("p"))).json().get("ticketId").asString();

        OWN_REDIS.stop();
        long started = System.nanoTime();
        Response down = http().post("/v1/matchmaking/enqueue", TicketApiIntegrationTests.enqueueBody(unique("q"),
                unique("g"), unique("p")));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(down.status()).isEqualTo(503);
        assertThat(down.code()).isEqualTo("STORE_UNAVAILABLE");
        assertThat(down.retryAfter()).isEqualTo("1");
        assertThat(took).as("answered within the 1 s command timeout plus slack, not Lettuce's 60 s")
                .isLessThan(Duration.ofSeconds(10));
        assertThat(http().get("/v1/matchmaking/status/" + before).status()).isEqualTo(503);

        OWN_REDIS.restart();
        Response after = awaitStatus(before);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().get("status").asString()).isEqualTo("queued");
    }

    private Response awaitStatus(String ticketId) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> http().get("/v1/matchmaking/status/" + ticketId), last -> last.status() == 200);
    }
}
