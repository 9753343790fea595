package dev.matchplane.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.matchplane.MatchplaneApplication;
import dev.matchplane.support.IntegrationTest;
import dev.matchplane.support.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.util.ReflectionTestUtils;
import tools.jackson.databind.JsonNode;

/**
 * Shard leadership with three instances on one Redis and key prefix: this test's context ({@code shard-a}) and two
 * more started as contexts of their own ({@code shard-b}, {@code shard-c}). What each instance holds is read from
 * {@code GET /v1/admin/shards}, the operators' view, which reads the locks themselves.
 *
 * <p>Bounds: 16 shards, lock TTL {@link #LOCK_TTL}; maintenance runs every interval (250 ms). Fair share is
 * ⌈16 / 3⌉ = 6, and the test allows the documented + 1. A clean stop must hand over well before the TTL (asserted:
 * under a third of it); a frozen instance (its tick thread blocked: no heartbeat, no renewal, as if killed) must lose
 * its shards within the TTL, plus {@link #SCHEDULING_SLACK} for one maintenance step on a loaded 2-core machine.
 * Under load ({@link ShardLoad}), with instances frozen, joining and leaving, every ticket still ends in exactly one
 * land of two.
 */
@TestPropertySource(properties = { "matchmaking.node-id=shard-a", "matchmaking.lock-ttl=4s",
        "matchmaking.min-wait=0ms", "matchmaking.shards=16" })
class ShardLeadershipIntegrationTests extends IntegrationTest {

    private static final Duration LOCK_TTL = Duration.ofSeconds(4);
    private static final Duration SCHEDULING_SLACK = Duration.ofSeconds(1);
    private static final int SHARDS = 16;
    private static final int FAIR_SHARE_BOUND = (SHARDS + 2) / 3 + 1;

    private final List<ConfigurableApplicationContext> others = new ArrayList<>();

    @AfterEach
    void stopOthers() {
        others.forEach(ConfigurableApplicationContext::close);
        others.clear();
    }

    @Test
    void threeInstancesShareSixteenShardsFairly() {
        start("shard-b");
        start("shard-c");

        Map<String, Integer> perInstance = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> heldPerInstance(shards()), held -> isFairAmong(held, Set.of("shard-a", "shard-b",
                        "shard-c")));

        assertThat(perInstance.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(SHARDS);
        assertThat(perInstance.values()).allMatch(n -> n <= FAIR_SHARE_BOUND);
        JsonNode view = http().get("/v1/admin/shards").json();
        for (JsonNode instance : view.get("instances")) {
            assertThat(instance.get("live").asBoolean()).as("%s live", instance.get("nodeId")).isTrue();
            assertThat(instance.get("shards").asInt()).isEqualTo(perInstance.get(instance.get("nodeId").asString()));
        }
        for (JsonNode shard : view.get("shards")) {
            assertThat(shard.get("fence").asLong()).as("fence of shard %s", shard.get("shard")).isPositive();
            assertThat(shard.get("since").asString()).isNotBlank();
        }
    }

    @Test
    void anInstanceStoppedCleanlyHandsItsShardsOverAtOnce() {
        start("shard-b");
        ConfigurableApplicationContext c = start("shard-c");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> isFairAmong(heldPerInstance(shards()), Set.of("shard-a", "shard-b", "shard-c")));

        long stoppedAt = System.currentTimeMillis();
        c.close();
        others.remove(c);

        await().atMost(LOCK_TTL).pollInterval(Duration.ofMillis(20))
                .until(() -> isFairAmong(heldPerInstance(shards()), Set.of("shard-a", "shard-b")));
        long handedOverMs = System.currentTimeMillis() - stoppedAt;
        assertThat(handedOverMs).as("ms from the stop until the other two hold all 16 (lock TTL %d ms)",
                LOCK_TTL.toMillis()).isLessThan(LOCK_TTL.toMillis() / 3);
        assertThat(instanceIds()).as("it left the ticking instances").doesNotContain("shard-c");
    }

    @Test
    void aFrozenInstancesShardsAreTakenWithinTheLockTtlAndNoTicketIsMatchedTwice() throws Exception {
        String landType = unique("shards");
        assertThat(http().post("/v1/provisioning/servers/register", "{\"serverId\":\"gs-" + landType
                + "\",\"host\":\"10.0.0.9\",\"port\":7777,\"landType\":\"" + landType + "\"}").status())
                .isEqualTo(200);
        start("shard-b");
        ConfigurableApplicationContext c = start("shard-c");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> isFairAmong(heldPerInstance(shards()), Set.of("shard-a", "shard-b", "shard-c")));
        ShardLoad load = new ShardLoad(landType, http(), redis, keys);
        CompletableFuture<Void> enqueuing = CompletableFuture.runAsync(load);
        await().atMost(Duration.ofSeconds(10)).until(() -> load.accepted.size() >= 40);

        Set<Integer> ofC = shardsOf("shard-c");
        CountDownLatch frozen = new CountDownLatch(1);
        CountDownLatch thaw = new CountDownLatch(1);
        freezeTickThread(c, frozen, thaw);
        assertThat(frozen.await(10, TimeUnit.SECONDS)).isTrue();
        long frozenAt = System.currentTimeMillis();

        await().atMost(LOCK_TTL.plus(SCHEDULING_SLACK).plusSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> takenByOthers(shards(), ofC));
        long takenMs = System.currentTimeMillis() - frozenAt;
        load.running.set(false);
        enqueuing.get(30, TimeUnit.SECONDS);
        thaw.countDown(); // the frozen instance wakes up holding stale fences: whatever it tries is fenced

        assertThat(takenMs).as("ms from the freeze until its shards %s were taken (lock TTL %d ms)", ofC,
                LOCK_TTL.toMillis()).isLessThanOrEqualTo(LOCK_TTL.plus(SCHEDULING_SLACK).toMillis());
        assertThat(load.failures).as("enqueues refused").isEmpty();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(load::allAssigned);
        load.eachTicketIsInExactlyOneLandOfTwo();
    }

    @Test
    void instancesJoiningAndLeavingUnderLoadKeepEveryTicketInExactlyOneLand() throws Exception {
        String landType = unique("churn");
        assertThat(http().post("/v1/provisioning/servers/register", "{\"serverId\":\"gs-" + landType
                + "\",\"host\":\"10.0.0.9\",\"port\":7777,\"landType\":\"" + landType + "\"}").status())
                .isEqualTo(200);
        ShardLoad load = new ShardLoad(landType, http(), redis, keys);
        CompletableFuture<Void> enqueuing = CompletableFuture.runAsync(load);
        await().atMost(Duration.ofSeconds(10)).until(() -> load.accepted.size() >= 20);

        ConfigurableApplicationContext b = start("shard-b"); // joins under load: shards move from a to b
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> isFairAmong(heldPerInstance(shards()), Set.of("shard-a", "shard-b")));
        start("shard-c");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> isFairAmong(heldPerInstance(shards()), Set.of("shard-a", "shard-b", "shard-c")));
        b.close(); // leaves under load: its shards go to a and c
        others.remove(b);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> isFairAmong(heldPerInstance(shards()), Set.of("shard-a", "shard-c")));
        load.running.set(false);
        enqueuing.get(30, TimeUnit.SECONDS);

        assertThat(load.failures).as("enqueues refused").isEmpty();
        assertThat(load.accepted.size()).as("tickets enqueued across the joins and the leave").isGreaterThan(40);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(load::allAssigned);
        load.eachTicketIsInExactlyOneLandOfTwo();
    }

    /** Blocks the instance's one tick thread, as a long pause would: no heartbeat, no renewal, no tick. */
    private static void freezeTickThread(ConfigurableApplicationContext instance, CountDownLatch frozen,
            CountDownLatch thaw) {
        ThreadPoolTaskScheduler tickThread = (ThreadPoolTaskScheduler) ReflectionTestUtils
                .getField(instance.getBean(MatchingScheduler.class), "thread");
        tickThread.execute(() -> {
            frozen.countDown();
            try {
                thaw.await(60, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private ConfigurableApplicationContext start(String nodeId) {
        ConfigurableApplicationContext instance = new SpringApplicationBuilder(MatchplaneApplication.class).run(
                "--server.port=0", "--spring.data.redis.url=" + TestRedis.url(),
                "--matchmaking.redis.key-prefix=" + keys.prefix(), "--matchmaking.redis.embedded=never",
                "--matchmaking.node-id=" + nodeId, "--matchmaking.lock-ttl=" + LOCK_TTL.toMillis() + "ms",
                "--matchmaking.min-wait=0ms", "--matchmaking.shards=" + SHARDS, "--logging.level.dev.matchplane=WARN",
                "--spring.main.banner-mode=off");
        others.add(instance);
        return instance;
    }

    private JsonNode shards() {
        return http().get("/v1/admin/shards").json().get("shards");
    }

    private Set<String> instanceIds() {
        Set<String> ids = new HashSet<>();
        http().get("/v1/admin/shards").json().get("instances").forEach(i -> ids.add(i.get("nodeId").asString()));
        return ids;
    }

    private Set<Integer> shardsOf(String nodeId) {
        Set<Integer> held = new HashSet<>();
        for (JsonNode shard : shards()) {
            if (!shard.get("holder").isNull() && nodeId.equals(shard.get("holder").asString())) {
                held.add(shard.get("shard").asInt());
            }
        }
        return held;
    }

    /** Holder per instance; an unheld shard counts under "" so that "all held" can be checked. */
    private static Map<String, Integer> heldPerInstance(JsonNode shards) {
        Map<String, Integer> held = new HashMap<>();
        for (JsonNode shard : shards) {
            held.merge(shard.get("holder").isNull() ? "" : shard.get("holder").asString(), 1, Integer::sum);
        }
        return held;
    }

    /** All 16 held, only by these instances, none above ⌈16 / n⌉ + 1. */
    private static boolean isFairAmong(Map<String, Integer> held, Set<String> instances) {
        int bound = (SHARDS + instances.size() - 1) / instances.size() + 1;
        return held.keySet().equals(instances) && held.values().stream().allMatch(n -> n <= bound);
    }

    private static boolean takenByOthers(JsonNode shards, Set<Integer> ofFrozen) {
        for (JsonNode shard : shards) {
            if (ofFrozen.contains(shard.get("shard").asInt())) {
                JsonNode holder = shard.get("holder");
                if (holder.isNull() || "shard-c".equals(holder.asString())) {
                    return false;
                }
            }
        }
        return true;
    }
}
