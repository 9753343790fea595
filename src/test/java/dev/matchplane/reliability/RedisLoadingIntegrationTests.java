package dev.matchplane.reliability;

import static dev.matchplane.reliability.FaultRequests.enqueueBody;
import static dev.matchplane.reliability.FaultRequests.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.matchplane.support.HttpJson;
import dev.matchplane.support.HttpJson.Response;
import dev.matchplane.support.OwnRedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A restarted Redis answers {@code LOADING} to every command until it has read its data back. Requests in that
 * window must be refused with 503 STORE_UNAVAILABLE (retry shortly), not 500: Spring Data Redis translates the
 * LOADING reply into a generic exception, so StoreFailures has to recognise it.
 * Each checked request is sandwiched between two observations of the server reporting {@code loading:1}, so the test
 * cannot pass on requests that merely met a closed connection. Afterwards the ticket acknowledged before the restart
 * is still there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "matchmaking.redis.embedded=never", "logging.level.dev.matchplane=WARN",
                "spring.data.redis.timeout=1s", "spring.data.redis.connect-timeout=1s" })
class RedisLoadingIntegrationTests {

    private static final OwnRedisServer OWN_REDIS = OwnRedisServer.startDurable();
    /**
     * Filler keys times the per-key load delay keep the server loading for about three seconds. Redis answers
     * clients every 1,000 commands it loads, here every 0.1 s: well inside the 1 s command timeout, so requests meet
     * LOADING replies, not timeouts.
     */
    private static final int FILLER_KEYS = 30_000;
    private static final String LOAD_DELAY_MICROS = "100";

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;

    @DynamicPropertySource
    static void ownRedis(DynamicPropertyRegistry registry) {
        OWN_REDIS.wireInto(registry, "loading");
    }

    @AfterAll
    static void stopOwnRedis() {
        OWN_REDIS.stop();
    }

    @Test
    void requestsWhileRedisLoadsItsDataAreRefusedWith503AndNothingAcknowledgedIsLost() throws Exception {
        Response before = http().post("/v1/matchmaking/enqueue", enqueueBody("loading:2", "before-" + uniqueId()));
        assertThat(before.status()).isEqualTo(201);
        String ticketId = before.json().get("ticketId").asString();
        redis.execute(new DefaultRedisScript<>(
                "for i = 1, tonumber(ARGV[1]) do redis.call('SET', 'filler:' .. i, i) end return 1", Long.class),
                List.of(), String.valueOf(FILLER_KEYS));

        OWN_REDIS.kill();
        CompletableFuture<Void> loaded = CompletableFuture.runAsync(
                () -> OWN_REDIS.restart(List.of("key-load-delay " + LOAD_DELAY_MICROS)));
        await().atMost(Duration.ofSeconds(10)).until(RedisLoadingIntegrationTests::isLoading);

        List<Response> duringLoading = new ArrayList<>();
        while (isLoading()) {
            Response enqueue = http().post("/v1/matchmaking/enqueue",
                    enqueueBody("loading:2", "during-" + uniqueId()));
            Response status = http().get("/v1/matchmaking/status/" + ticketId);
            if (isLoading()) {
                duringLoading.add(enqueue);
                duringLoading.add(status);
            }
        }
        loaded.get(30, TimeUnit.SECONDS);

        assertThat(duringLoading).as("requests answered while Redis was loading").isNotEmpty();
        assertThat(duringLoading).allSatisfy(response -> {
            assertThat(response.status()).as(response.body()).isEqualTo(503);
            assertThat(response.code()).isEqualTo("STORE_UNAVAILABLE");
            assertThat(response.retryAfter()).isEqualTo("1");
        });
        Response after = await().atMost(Duration.ofSeconds(15))
                .until(() -> http().get("/v1/matchmaking/status/" + ticketId), r -> r.status() == 200);
        assertThat(after.status()).as("the ticket acknowledged before the restart survived").isEqualTo(200);
        assertThat(after.json().get("status").asString()).isEqualTo("queued");
        System.out.printf("[fault] redis LOADING: %d requests answered while loading, all 503%n",
                duringLoading.size());
    }

    private static boolean isLoading() {
        try {
            return OWN_REDIS.isLoading();
        }
        catch (RuntimeException notListeningYet) {
            return false;
        }
    }

    private HttpJson http() {
        return new HttpJson("http://127.0.0.1:" + port);
    }

}
