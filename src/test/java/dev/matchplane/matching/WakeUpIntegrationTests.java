package dev.matchplane.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.matchplane.support.HttpJson.Response;
import dev.matchplane.support.IntegrationTest;
import dev.matchplane.support.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Time to match is driven by the wake-up, not the interval: with a 5 s interval, an enqueue wakes the matching of its
 * queue (enqueue.lua publishes, the leader ticks at once), and the leader wakes itself when a ticket's min wait ends.
 *
 * <p>Bounds (from the issue): a pair enqueued at once is matched in under 200 ms; a ticket whose min wait ends is
 * matched within 50 ms of that moment with no further enqueue. Both are measured from the ticket's stored
 * {@code createdAt} (the server's clock; test and server share the machine's clock), not from the HTTP reply, and
 * waited for with Awaitility {@code atMost} the bound itself, polling Redis every 2 ms. A first match warms the
 * tick path for the queue (class loading, JIT, its meters) before anything is timed, so a loaded 2-core machine adds scheduling noise of a
 * few ms, not the cold start of the tick; the periodic tick alone (5 s) could never meet either bound.
 */
@TestPropertySource(properties = { "matchmaking.interval=5s", "matchmaking.min-wait=0ms",
        "matchmaking.queues[0].pattern=wakewait*", "matchmaking.queues[0].min-wait=1000ms" })
class WakeUpIntegrationTests extends IntegrationTest {

    private static final Duration POLL = Duration.ofMillis(2);

    @Autowired
    QueueShards shards;

    /** The only instance takes every shard (it alone is live, so its fair share is all of them). */
    @BeforeEach
    void lead() {
        List<String> locks = java.util.stream.IntStream.range(0, shards.count()).mapToObj(keys::shardLock).toList();
        await().atMost(Duration.ofSeconds(30)).until(() -> redis.countExistingKeys(locks) == shards.count());
    }

    @Test
    void aPairEnqueuedAtOnceIsMatchedWithin200MsThoughTheIntervalIs5s() {
        String landType = unique("wake");
        register(landType);
        warm(landType + ":2");
        String first = enqueue(landType + ":2", unique("a"));
        String second = enqueue(landType + ":2", unique("b"));
        long possibleAt = createdAt(second); // the moment the pair exists

        await().atMost(remainingUntil(possibleAt + 200)).pollDelay(Duration.ZERO).pollInterval(POLL)
                .until(() -> assigned(first) && assigned(second));
        assertThat(System.currentTimeMillis() - possibleAt).as("ms from the second enqueue to the match")
                .isLessThan(200);
    }

    @Test
    void aTicketWhoseMinWaitEndsIsMatchedWithin50MsOfThatMomentWithNoFurtherEnqueue() {
        String landType = unique("wakewait");
        register(landType);
        warm(landType + ":2");
        String first = enqueue(landType + ":2", unique("a"));
        String second = enqueue(landType + ":2", unique("b"));
        long minWaitEnds = Math.max(createdAt(first), createdAt(second)) + 1000;
        assertThat(assigned(first) || assigned(second)).as("not matched before the min wait").isFalse();

        await().atMost(remainingUntil(minWaitEnds + 50)).pollDelay(Duration.ZERO).pollInterval(POLL)
                .until(() -> assigned(first) && assigned(second));
        assertThat(System.currentTimeMillis() - minWaitEnds).as("ms from the end of the min wait to the match")
                .isLessThan(50);
    }

    /** Coalescing: a queue whose wake-up nobody consumed (no live server, so no tick reads it) is woken once. */
    @Test
    void aBurstOfEnqueuesPublishesOneWakeUpPerQueueNotOnePerRequest() {
        String queue = unique("unserved") + ":2";
        String probe = unique("probe") + ":2";
        List<String> woken = new CopyOnWriteArrayList<>();
        RedisClient client = RedisClient.create(TestRedis.url());
        try (StatefulRedisPubSubConnection<String, String> subscription = client.connectPubSub()) {
            subscription.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    woken.add(message);
                }
            });
            subscription.sync().subscribe(keys.wakeChannel());
            for (int i = 0; i < 20; i++) {
                enqueue(queue, unique("p"));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> !woken.isEmpty());
            enqueue(probe, unique("p")); // published after the burst's: once it arrives, the burst's have too
            await().atMost(Duration.ofSeconds(5)).until(() -> woken.contains(probe));
        }
        finally {
            client.shutdown();
        }
        // the 20 enqueues ran well within the wake-pending lifetime (one interval, 5 s)
        assertThat(woken).as("wake-ups published").containsExactly(queue, probe);
    }

    /** A first match in the queue warms the tick path for it (class loading, JIT, the queue's meters): not timed. */
    private void warm(String queueKey) {
        String a = enqueue(queueKey, unique("warm"));
        String b = enqueue(queueKey, unique("warm"));
        await().atMost(Duration.ofSeconds(10)).until(() -> assigned(a) && assigned(b));
    }

    private Duration remainingUntil(long epochMillis) {
        return Duration.ofMillis(Math.max(1, epochMillis - System.currentTimeMillis()));
    }

    private boolean assigned(String ticketId) {
        return "assigned".equals(redis.opsForHash().get(keys.ticket(ticketId), "status"));
    }

    private long createdAt(String ticketId) {
        return Long.parseLong((String) redis.opsForHash().get(keys.ticket(ticketId), "createdAt"));
    }

    private void register(String landType) {
        Response response = http().post("/v1/provisioning/servers/register", "{\"serverId\":\"gs-" + landType
                + "\",\"host\":\"10.0.0.9\",\"port\":7777,\"landType\":\"" + landType + "\"}");
        assertThat(response.status()).isEqualTo(200);
    }

    private String enqueue(String queueKey, String player) {
        Response response = http().post("/v1/matchmaking/enqueue", "{\"queueKey\":\"" + queueKey
                + "\",\"members\":[\"" + player + "\"],\"groupSize\":1}");
        assertThat(response.status()).isEqualTo(201);
        return response.json().get("ticketId").asString();
    }
}
