package dev.matchplane.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.matchplane.provisioning.GameServer;
import dev.matchplane.ticket.EnqueueCommand;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The tick's window read (windows.lua) against a real Redis: which queues it reads, and what it returns. */
@TestPropertySource(properties = { "matchmaking.role=api", "matchmaking.min-wait=0ms", "matchmaking.claim-lease=10s",
        "matchmaking.max-players-per-tick=4", "matchmaking.queues[0].pattern=brief*",
        "matchmaking.queues[0].max-wait=1s" }) // the engine tests' settings: one shared Spring context
class RedisMatchStoreIntegrationTests extends EngineIntegrationTest {

    @Test
    void readsOnlyQueuesWhoseLandTypeHasAServerThatHeartbeatSinceTheCutoff() {
        String live = unique("live");
        String atEdge = unique("edge");
        String stale = unique("stale");
        String none = unique("none");
        Instant now = clock.instant();
        Instant liveSince = servers.liveSince(now);
        register(live, now);
        register(atEdge, liveSince);
        register(stale, liveSince.minusMillis(1));
        List.of(live, atEdge, stale, none).forEach(landType -> enqueue(landType + ":2"));

        Map<String, List<WaitingTicket>> windows = windowsOfAllShards(liveSince, 10);

        assertThat(windows).containsKeys(live + ":2", atEdge + ":2").doesNotContainKeys(stale + ":2", none + ":2");
    }

    @Test
    void windowHoldsTheOldestTicketsOldestFirstWithTheirPartySizeAndEnqueueTime() {
        String landType = unique("window");
        register(landType, clock.instant());
        String queue = landType + ":4";
        String first = enqueue(queue, 2);
        nextMillisecond();
        String second = enqueue(queue, 1);
        nextMillisecond();
        enqueue(queue, 1);

        List<WaitingTicket> window = store.matchableWindows(shards.of(queue), servers.liveSince(clock.instant()), 2)
                .get(queue);

        assertThat(window).containsExactly(waiting(first, 2), waiting(second, 1));
    }

    private WaitingTicket waiting(String ticketId, int groupSize) {
        return new WaitingTicket(ticketId, groupSize, tickets.find(ticketId).orElseThrow().createdAt().toEpochMilli());
    }

    /** A queue left in the set of before sharding moves to its shard's set, where that shard's tick reads it. */
    @Test
    void queuesOfBeforeShardingMoveToTheirShardsSet() {
        String queue = unique("legacy") + ":2";
        redis.opsForSet().add(keys.legacyActiveQueues(), queue);

        assertThat(store.rehomeLegacyQueues(shards)).isGreaterThanOrEqualTo(1);

        assertThat(redis.opsForSet().isMember(keys.activeQueues(shards.of(queue)), queue)).isTrue();
        assertThat(redis.opsForSet().isMember(keys.legacyActiveQueues(), queue)).isFalse();
        assertThat(store.rehomeLegacyQueues(shards)).as("nothing left to move").isZero();
    }

    private void register(String landType, Instant heartbeat) {
        servers.register(new GameServer("gs-" + landType, "127.0.0.1", 7000, landType, null, null, null, null, null),
                heartbeat);
    }

    private String enqueue(String queue) {
        return enqueue(queue, 1);
    }

    private String enqueue(String queue, int groupSize) {
        List<String> members = java.util.stream.IntStream.range(0, groupSize).mapToObj(i -> unique("p")).toList();
        return tickets.enqueue(new EnqueueCommand(queue, null, members, groupSize, null, null)).ticketId();
    }

    /** Waits until the clock has moved past the current millisecond, so the next enqueue scores strictly later. */
    private void nextMillisecond() {
        long current = clock.millis();
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).until(() -> clock.millis() > current);
    }
}
