package dev.matchplane.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.matchplane.support.HttpJson.Response;
import dev.matchplane.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The only game server of a landType stops heartbeating (its last heartbeat older than provisioning.server-ttl)
 * while tickets wait; the scheduled tick keeps running. The tickets stay queued with their original place and
 * enqueue time, and the moment a server registers they are matched oldest first.
 */
@TestPropertySource(properties = { "matchmaking.interval=50ms", "matchmaking.min-wait=0ms",
        "provisioning.server-ttl=1s" })
class ProvisioningGoneIntegrationTests extends IntegrationTest {

    private static final Duration SERVER_TTL = Duration.ofSeconds(1);

    @Autowired
    private MeterRegistry meters;

    @Test
    void withoutALiveServerTicketsWaitInOrderThenMatchOldestFirstWhenOneRegisters() {
        String landType = unique("gone");
        String queue = landType + ":2";
        register(landType, "gs-old-" + landType);
        awaitDead(landType, "gs-old-" + landType);
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tickets.add(enqueue(queue));
            // the queue orders by enqueue time in milliseconds; two enqueues in one millisecond tie and Redis orders
            // them by (random) ticket id, so keep them a millisecond apart for "in order" to mean enqueue order
            long current = System.currentTimeMillis();
            await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                    .until(() -> System.currentTimeMillis() > current);
        }
        Set<TypedTuple<String>> before = redis.opsForZSet().rangeWithScores(keys.queue(queue), 0, -1);

        awaitTicks(40); // about two seconds of ticks with no live server
        Set<TypedTuple<String>> after = redis.opsForZSet().rangeWithScores(keys.queue(queue), 0, -1);

        assertThat(tickets).allMatch(id -> status(id).get("status").asString().equals("queued"));
        assertThat(after).as("same members, same order, same enqueue times").containsExactlyElementsOf(before);
        assertThat(before).extracting(TypedTuple::getValue).containsExactly(tickets.stream().map(id -> id + ":1")
                .toArray(String[]::new));

        register(landType, "gs-new-" + landType);
        JsonNode first = awaitAssignment(tickets.get(0));
        JsonNode second = awaitAssignment(tickets.get(1));
        JsonNode third = awaitAssignment(tickets.get(2));
        JsonNode fourth = awaitAssignment(tickets.get(3));

        assertThat(first.get("serverId").asString()).isEqualTo("gs-new-" + landType);
        assertThat(first.get("landId").asString()).isEqualTo(second.get("landId").asString());
        assertThat(third.get("landId").asString()).isEqualTo(fourth.get("landId").asString())
                .isNotEqualTo(first.get("landId").asString());
        assertThat(status(tickets.get(4)).get("status").asString()).as("the youngest waits for a partner")
                .isEqualTo("queued");
        assertThat(redis.opsForZSet().range(keys.queue(queue), 0, -1)).containsExactly(tickets.get(4) + ":1");
    }

    /** Its heartbeat is older than the server TTL (or the sweep has forgotten it already): dead. */
    private void awaitDead(String landType, String serverId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Double lastSeen = redis.opsForZSet().score(keys.serversOfLandType(landType), serverId);
            return lastSeen == null || lastSeen < System.currentTimeMillis() - SERVER_TTL.toMillis();
        });
    }

    /** The scheduled tick, which holds the lock in this one-instance test, ran this many more times. */
    private void awaitTicks(int ticks) {
        long before = meters.get("matchplane.tick.duration").timer().count();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> meters.get("matchplane.tick.duration").timer().count() >= before + ticks);
    }

    private void register(String landType, String serverId) {
        Response registered = http().post("/v1/provisioning/servers/register", "{\"serverId\":\"" + serverId
                + "\",\"host\":\"127.0.0.1\",\"port\":7777,\"landType\":\"" + landType + "\"}");
        assertThat(registered.status()).isEqualTo(200);
    }

    private String enqueue(String queue) {
        Response created = http().post("/v1/matchmaking/enqueue", "{\"queueKey\":\"" + queue + "\",\"members\":[\""
                + unique("p") + "\"],\"groupSize\":1}");
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("ticketId").asString();
    }

    private JsonNode status(String ticketId) {
        return http().get("/v1/matchmaking/status/" + ticketId).json();
    }

    private JsonNode awaitAssignment(String ticketId) {
        JsonNode status = await().atMost(Duration.ofSeconds(15)).until(() -> status(ticketId),
                s -> s.get("status").asString().equals("assigned"));
        assertThat(status.get("status").asString()).as(ticketId).isEqualTo("assigned");
        return status.get("assignment");
    }
}
