package dev.matchplane.reliability;

import static dev.matchplane.reliability.FaultRequests.enqueueBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import dev.matchplane.matching.QueueShards;
import dev.matchplane.support.HttpJson;
import dev.matchplane.support.TestRedis;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * JVM kill: two instances as separate processes ({@link ChildInstance}) on the suite's Redis under a key prefix of
 * their own; 20,000 one-player tickets of a two-player queue are enqueued (loopback, on the instance that does not
 * hold the queue's shard); in the middle of the drain the holder of the queue's shard is killed with SIGKILL.
 * Asserted:
 * <ul>
 * <li>the survivor takes the shard over within the lock TTL plus one interval: its first tick that matches starts (the
 * {@code updatedAt} that commit stores is the tick's start) at most that long after the kill, plus
 * {@link #JITTER} for a loaded machine's scheduling;</li>
 * <li>0 lost: every acknowledged ticket ends assigned (the killed tick's claims come back after their lease);</li>
 * <li>0 double-booked: every land holds exactly two tickets of one match, no ticket is in two lands, and
 * {@code lands:<serverId>} holds exactly the assigned lands (beside short-lease ones of the killed tick).</li>
 * </ul>
 * Bounded: about a minute on a quiet 2-core machine, at most {@link #DRAIN_WITHIN} for the drain. Tagged
 * {@code jvmkill}: {@code ./mvnw verify} runs it, {@code -Pquick} leaves it out.
 */
@Tag("jvmkill")
class LeaderSigkillDrainTests {

    private static final int TICKETS = 20_000;
    private static final Duration LOCK_TTL = Duration.ofSeconds(2);
    private static final Duration INTERVAL = Duration.ofMillis(250);
    private static final Duration CLAIM_LEASE = Duration.ofSeconds(3);
    /** Timer and thread scheduling on a machine other builds share; the bound itself is TTL + interval. */
    private static final Duration JITTER = Duration.ofMillis(250);
    private static final Duration DRAIN_WITHIN = Duration.ofSeconds(75);
    private static final int IN_FLIGHT = 32;

    private final List<ChildInstance> instances = new ArrayList<>();
    private RedisClient client;

    @AfterEach
    void stop() {
        instances.forEach(ChildInstance::close);
        if (client != null) {
            client.shutdown();
        }
    }

    @Test
    void sigkilledLockHolderMidDrainLosesNoTicketAndDoubleBooksNone() throws Exception {
        String prefix = TestRedis.newPrefix("jvmkill");
        List<String> settings = List.of("--spring.data.redis.url=" + TestRedis.url(),
                "--matchmaking.redis.key-prefix=" + prefix, "--matchmaking.redis.embedded=never",
                "--matchmaking.min-wait=0ms", "--matchmaking.interval=" + INTERVAL.toMillis() + "ms",
                "--matchmaking.lock-ttl=" + LOCK_TTL.toMillis() + "ms",
                "--matchmaking.claim-lease=" + CLAIM_LEASE.toMillis() + "ms", "--token.algorithm=ES256",
                "--provisioning.server-ttl=600s", "--logging.level.dev.matchplane=INFO");
        instances.add(ChildInstance.start("kill-a", settings));
        instances.add(ChildInstance.start("kill-b", settings));
        // generous: two JVMs start at once beside the build; on a quiet machine each is ready in a few seconds
        await().atMost(Duration.ofSeconds(150)).until(() -> instances.stream().allMatch(ChildInstance::ready));
        String landType = "kill" + UUID.randomUUID().toString().substring(0, 6);
        int shard = new QueueShards(16).of(landType + ":2"); // the default matchmaking.shards
        // both instances tick, each holding half the shards once they share them fairly
        await().atMost(Duration.ofSeconds(30))
                .until(() -> instances.stream().allMatch(instance -> instance.shardsHeld() == 8));
        ChildInstance holder = await().atMost(Duration.ofSeconds(30)).until(() -> holderOf(shard), h -> h != null);
        ChildInstance survivor = instances.get(instances.get(0) == holder ? 1 : 0);
        client = RedisClient.create(TestRedis.url());
        RedisCommands<String, String> redis = client.connect().sync();

        String serverId = "gs-" + landType;
        assertThat(survivor.http().post("/v1/provisioning/servers/register", "{\"serverId\":\"" + serverId
                + "\",\"host\":\"10.0.0.7\",\"port\":7777,\"landType\":\"" + landType + "\"}").status())
                .isEqualTo(200);
        String queue = landType + ":2";
        Enqueuer enqueuer = new Enqueuer(survivor.baseUrl(), queue);
        CompletableFuture<Void> load = CompletableFuture.runAsync(enqueuer::run);

        // in the middle of the drain: half the tickets in, matching well under way, a backlog waiting
        await().atMost(Duration.ofSeconds(60)).until(() -> enqueuer.acknowledged.size() >= TICKETS / 2
                && redis.zcard(prefix + "queue:" + queue) > 0);
        long killedAt = System.currentTimeMillis();
        holder.kill();
        load.get(60, TimeUnit.SECONDS);
        assertThat(enqueuer.failures).as("enqueues refused").isEmpty();
        assertThat(enqueuer.acknowledged).hasSize(TICKETS);

        Map<String, Map<String, String>> tickets = awaitAllAssigned(redis, prefix, enqueuer.acknowledged, queue);
        // commit stores its tick's start as updatedAt: the first one after the kill is the survivor's first matching tick
        long resumedAt = tickets.values().stream().mapToLong(t -> Long.parseLong(t.get("updatedAt")))
                .filter(at -> at >= killedAt).min().orElseThrow();
        assertThat(resumedAt - killedAt).as("ms from the SIGKILL to the survivor's first matching tick")
                .isLessThanOrEqualTo(LOCK_TTL.plus(INTERVAL).plus(JITTER).toMillis());
        assertThat(survivor.holdsShard(shard)).as("the survivor holds the queue's shard").isTrue();
        int lands = eachLandHoldsExactlyItsPair(tickets, redis, prefix, serverId);
        System.out.printf("[jvmkill] %d tickets, %d lands, lost 0, double-booked 0; matching resumed %d ms after "
                + "the SIGKILL (lock TTL %d ms + interval %d ms)%n", tickets.size(), lands, resumedAt - killedAt,
                LOCK_TTL.toMillis(), INTERVAL.toMillis());
    }

    private ChildInstance holderOf(int shard) {
        List<ChildInstance> holders = instances.stream().filter(instance -> instance.holdsShard(shard)).toList();
        return holders.size() == 1 ? holders.get(0) : null;
    }

    /**
     * Waits for the drain to end (the queue and the claims empty: the killed tick's claims come back after their
     * lease and are matched), then reads every ticket back: each must be assigned (0 lost).
     */
    private static Map<String, Map<String, String>> awaitAllAssigned(RedisCommands<String, String> redis,
            String prefix, Set<String> ticketIds, String queue) {
        await().atMost(DRAIN_WITHIN).pollInterval(Duration.ofMillis(200))
                .until(() -> redis.zcard(prefix + "queue:" + queue) == 0 && redis.zcard(prefix + "claims") == 0);
        Map<String, Map<String, String>> stored = new HashMap<>();
        List<String> lost = new ArrayList<>();
        for (String ticketId : ticketIds) {
            Map<String, String> hash = new HashMap<>();
            for (KeyValue<String, String> field : redis.hmget(prefix + "ticket:" + ticketId, "status", "assignment",
                    "updatedAt")) {
                field.ifHasValue(value -> hash.put(field.getKey(), value));
            }
            if ("assigned".equals(hash.get("status"))) {
                stored.put(ticketId, hash);
            }
            else {
                lost.add(ticketId + "=" + hash.get("status"));
            }
        }
        assertThat(lost).as("tickets not assigned (lost)").isEmpty();
        return stored;
    }

    /** 0 double-booked: two tickets per land, one match per land, and lands:<serverId> agrees. */
    private static int eachLandHoldsExactlyItsPair(Map<String, Map<String, String>> tickets,
            RedisCommands<String, String> redis, String prefix, String serverId) {
        Map<String, List<JsonNode>> byLand = new HashMap<>();
        tickets.values().forEach(hash -> {
            JsonNode assignment = HttpJson.parse(hash.get("assignment"));
            byLand.computeIfAbsent(assignment.get("landId").asString(), land -> new ArrayList<>()).add(assignment);
        });
        byLand.forEach((land, assignments) -> {
            assertThat(assignments).as("tickets in land '%s'", land).hasSize(2);
            assertThat(assignments.get(0).get("matchId").asString()).as("one match in land '%s'", land)
                    .isEqualTo(assignments.get(1).get("matchId").asString());
            assertThat(assignments).allMatch(a -> a.get("serverId").asString().equals(serverId));
        });
        // a land the killed tick allocated but never committed keeps only its short lease; committed ones last
        long committedLandsFrom = System.currentTimeMillis() + CLAIM_LEASE.toMillis() + 60_000;
        Set<String> committedLands = new HashSet<>();
        for (ScoredValue<String> land : redis.zrangeWithScores(prefix + "lands:" + serverId, 0, -1)) {
            if (land.getScore() > committedLandsFrom) {
                committedLands.add(land.getValue());
            }
        }
        assertThat(committedLands).as("lands:%s", serverId).isEqualTo(byLand.keySet());
        return byLand.size();
    }

    /** Enqueues the drain over loopback HTTP, {@link #IN_FLIGHT} requests at a time. */
    private static final class Enqueuer {

        final Set<String> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final String baseUrl;
        private final String queue;

        Enqueuer(String baseUrl, String queue) {
            this.baseUrl = baseUrl;
            this.queue = queue;
        }

        void run() {
            Semaphore slots = new Semaphore(IN_FLIGHT);
            List<CompletableFuture<?>> sent = new ArrayList<>(TICKETS);
            for (int i = 0; i < TICKETS; i++) {
                slots.acquireUninterruptibly();
                HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/matchmaking/enqueue"))
                        .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(enqueueBody(queue, "p" + i + "-"
                                + FaultRequests.uniqueId())))
                        .build();
                sent.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, failed) -> {
                    slots.release();
                    if (r != null && r.statusCode() == 201) {
                        acknowledged.add(HttpJson.parse(r.body()).get("ticketId").asString());
                    }
                    else {
                        failures.add(r != null ? r.statusCode() + " " + r.body() : String.valueOf(failed));
                    }
                }));
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        }
    }
}
