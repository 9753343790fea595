package dev.matchplane.reliability;

import static dev.matchplane.reliability.FaultRequests.enqueueBody;
import static dev.matchplane.reliability.FaultRequests.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.matchplane.support.HttpJson;
import dev.matchplane.support.HttpJson.Response;
import dev.matchplane.support.OwnRedisServer;
import dev.matchplane.redis.RedisKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Redis dies by SIGKILL while clients enqueue and the tick matches, then comes back from its AOF (fsync always):
 * while it is down every request fails fast with 503 STORE_UNAVAILABLE, the instance recovers without help, and
 * every ticket acknowledged with 201 before, during or after the crash exists afterwards and is matched exactly once
 * (one stored assignment, its land shared with exactly one other ticket of a two-player queue).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "matchmaking.redis.embedded=never", "logging.level.dev.matchplane=WARN",
                "spring.data.redis.timeout=1s", "spring.data.redis.connect-timeout=1s", "matchmaking.interval=100ms",
                "matchmaking.min-wait=0ms", "matchmaking.claim-lease=2s", "matchmaking.lock-ttl=2s" })
class RedisCrashFaultIntegrationTests {

    private static final OwnRedisServer OWN_REDIS = OwnRedisServer.startDurable();
    private static final int CLIENTS = 4;
    private static final Duration FAIL_FAST = Duration.ofSeconds(5);

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    RedisKeys keys;

    @DynamicPropertySource
    static void ownRedis(DynamicPropertyRegistry registry) {
        OWN_REDIS.wireInto(registry, "crash");
    }

    @AfterAll
    static void stopOwnRedis() {
        OWN_REDIS.stop();
    }

    @Test
    void sigkilledRedisLosesNoAcknowledgedTicketAndEachIsMatchedOnce() throws Exception {
        String landType = "crash" + UUID.randomUUID().toString().substring(0, 6);
        String queue = landType + ":2";
        register(landType);
        Load load = new Load(http(), queue);
        load.start();
        load.awaitAcknowledged(200); // the load is well under way

        OWN_REDIS.kill();
        long killedAt = System.nanoTime();
        Response down = timed(() -> http().post("/v1/matchmaking/enqueue", enqueueBody(queue, "probe-" + uniqueId())));
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.code()).isEqualTo("STORE_UNAVAILABLE");
        assertThat(down.retryAfter()).isEqualTo("1");
        load.awaitRefused(8); // the outage lasts a while under load
        OWN_REDIS.restart();
        Duration outage = Duration.ofNanos(System.nanoTime() - killedAt);

        Response recovered = await().atMost(Duration.ofSeconds(30))
                .until(() -> http().get("/v1/admin/queue/summary"), r -> r.status() == 200);
        assertThat(recovered.status()).as("recovered by itself").isEqualTo(200);
        load.awaitAcknowledged(load.acknowledged.size() + 200); // load goes on against the restarted Redis
        load.stop();

        assertThat(load.statuses.keySet()).as("only successes and fast 503s; other answers: %s", load.unexpected)
                .containsAnyOf(201)
                .isSubsetOf(Set.of(201, 503));
        assertThat(load.slowestFailure).as("each 503 came within the command timeout plus slack")
                .isLessThan(FAIL_FAST);
        register(landType); // heartbeat: the server is live for the rest of the test
        evenOut(queue);

        Map<String, Map<Object, Object>> tickets = awaitAllAssigned(landType);
        assertThat(tickets.keySet()).as("every acknowledged ticket survived").containsAll(load.acknowledged);
        assertEachMatchedOnceInPairs(tickets);
        System.out.printf("[fault] redis SIGKILL: %d tickets acknowledged, %d requests refused with 503 while "
                + "down (slowest %d ms), outage %d ms, %d tickets matched into %d lands, lost 0%n",
                load.acknowledged.size(), load.statuses.getOrDefault(503, 0), load.slowestFailure.toMillis(),
                outage.toMillis(), tickets.size(), tickets.size() / 2);
    }

    /** A ticket left alone in the two-player queue would wait for a partner forever: give it one. */
    private void evenOut(String queue) {
        Long waiting = await().atMost(Duration.ofSeconds(30))
                .until(() -> redis.opsForZSet().zCard(keys.queue(queue)), n -> n != null && n <= 1);
        if (waiting != null && waiting == 1) {
            assertThat(http().post("/v1/matchmaking/enqueue", enqueueBody(queue, "last-" + uniqueId())).status())
                    .isEqualTo(201);
        }
    }

    /** Every ticket of this test's queue (found by a bounded SCAN of the test's own prefix), once none waits. */
    private Map<String, Map<Object, Object>> awaitAllAssigned(String landType) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> ticketsOf(landType), all -> all.values().stream()
                .allMatch(t -> "assigned".equals(t.get("status"))));
    }

    private Map<String, Map<Object, Object>> ticketsOf(String landType) {
        Map<String, Map<Object, Object>> found = new HashMap<>();
        try (Cursor<String> cursor = redis.scan(ScanOptions.scanOptions().match(keys.ticket("*")).count(1_000)
                .build())) {
            while (cursor.hasNext() && found.size() < 100_000) {
                String key = cursor.next();
                Map<Object, Object> hash = redis.opsForHash().entries(key);
                if (String.valueOf(hash.get("queueKey")).startsWith(landType + ":")) {
                    found.put(key.substring(keys.ticket("").length()), hash);
                }
            }
        }
        return found;
    }

    private static void assertEachMatchedOnceInPairs(Map<String, Map<Object, Object>> tickets) {
        Map<String, List<String>> byLand = new HashMap<>();
        Set<String> assignmentIds = new HashSet<>();
        tickets.forEach((ticketId, hash) -> {
            assertThat(hash.get("status")).as(ticketId).isEqualTo("assigned");
            JsonNode assignment = HttpJson.parse(String.valueOf(hash.get("assignment")));
            assertThat(assignmentIds.add(assignment.get("assignmentId").asString())).as("unique assignment").isTrue();
            byLand.computeIfAbsent(assignment.get("landId").asString(), land -> new ArrayList<>()).add(ticketId);
        });
        assertThat(byLand.values()).as("each land holds exactly one match of two").allMatch(t -> t.size() == 2);
    }

    private void register(String landType) {
        Response registered = http().post("/v1/provisioning/servers/register", "{\"serverId\":\"gs-" + landType
                + "\",\"host\":\"127.0.0.1\",\"port\":7777,\"landType\":\"" + landType + "\"}");
        assertThat(registered.status()).isEqualTo(200);
    }

    private HttpJson http() {
        return new HttpJson("http://127.0.0.1:" + port);
    }


    private static Response timed(java.util.function.Supplier<Response> call) {
        long started = System.nanoTime();
        Response response = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("failed fast").isLessThan(FAIL_FAST);
        return response;
    }

    /**
     * A few clients enqueueing singles, bounded in count, recording every answer. Each client's next request is
     * scheduled 10 ms after the answer (110 ms after a 503), so the clients pace themselves without sleeping.
     */
    private static final class Load {

        private static final int REQUESTS_PER_CLIENT = 5_000;

        private final HttpJson http;
        private final String queue;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ScheduledExecutorService pool = Executors.newScheduledThreadPool(CLIENTS);
        private final List<CompletableFuture<Void>> clients = new ArrayList<>();
        final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        volatile Duration slowestFailure = Duration.ZERO;

        Load(HttpJson http, String queue) {
            this.http = http;
            this.queue = queue;
        }

        void start() {
            for (int c = 0; c < CLIENTS; c++) {
                CompletableFuture<Void> done = new CompletableFuture<>();
                clients.add(done);
                pool.execute(() -> request(0, done));
            }
        }

        private void request(int sent, CompletableFuture<Void> done) {
            if (sent >= REQUESTS_PER_CLIENT || !running.get()) {
                done.complete(null);
                return;
            }
            try {
                long pauseMillis = send() ? 10 : 110;
                pool.schedule(() -> request(sent + 1, done), pauseMillis, TimeUnit.MILLISECONDS);
            }
            catch (RuntimeException failure) {
                done.completeExceptionally(failure);
            }
        }

        /** One enqueue; false when it was refused with 503 (the client backs off a little longer). */
        private boolean send() {
            long started = System.nanoTime();
            Response response = http.post("/v1/matchmaking/enqueue", enqueueBody(queue, "p-" + uniqueId()));
            statuses.merge(response.status(), 1, Integer::sum);
            if (response.status() == 201) {
                acknowledged.add(response.json().get("ticketId").asString());
                return true;
            }
            if (response.status() != 503) {
                unexpected.add(response.status() + " " + response.body());
                return true;
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            synchronized (this) {
                if (took.compareTo(slowestFailure) > 0) {
                    slowestFailure = took;
                }
            }
            return false;
        }

        void awaitAcknowledged(int count) {
            await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= count);
        }

        void awaitRefused(int count) {
            await().atMost(Duration.ofSeconds(30)).until(() -> statuses.getOrDefault(503, 0) >= count);
        }

        void stop() throws Exception {
            running.set(false);
            CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            pool.shutdown();
        }
    }
}
