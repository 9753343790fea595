package dev.matchplane.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.matchplane.support.FakeAssignments;
import dev.matchplane.support.IntegrationTest;
import dev.matchplane.support.WsTestClient;
import dev.matchplane.redis.RedisKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A client that stops reading must not hold up anybody else. The send time limit is raised far above the wait of
 * {@link WsTestClient#next()} (10 s): if a send to the stuck client blocked the Redis listener or the one send
 * thread, the other client's event would come only after a minute and the test would fail.
 */
@TestPropertySource(properties = { "realtime.send-time-limit=60s", "realtime.send-buffer-limit=64KB" })
class RealtimeSlowClientIntegrationTests extends IntegrationTest {

    /** Enough to fill the loopback socket buffers of both ends many times over. */
    private static final int STUCK_TICKETS = 24;
    private static final int EVENT_SIZE = 1024 * 1024;

    @Autowired
    RedisKeys keys;

    @Autowired
    SocketRegistry registry;

    @Test
    void clientThatStopsReadingDoesNotDelayAnotherClientsEvent() {
        FakeAssignments tick = new FakeAssignments(redis, keys);
        String padding = "x".repeat(EVENT_SIZE);
        String fastTicket = enqueue();
        try (WsTestClient slow = WsTestClient.connectNotReading(port, "/realtime");
                WsTestClient fast = WsTestClient.connect(port, "/realtime?ticketId=" + fastTicket)) {
            List<String> stuckTickets = new ArrayList<>();
            for (int i = 0; i < STUCK_TICKETS; i++) {
                slow.send("{\"action\":\"enqueue\",\"queueKey\":\"" + unique("q") + "\",\"members\":[\""
                        + unique("p") + "\"],\"groupSize\":1}");
            }
            awaitTickets(stuckTickets);
            RealtimeAwait.subscribed(registry, fastTicket, 1);

            for (String ticketId : stuckTickets) {
                tick.assign(ticketId, tick.assignmentFor(ticketId, padding));
            }
            tick.assign(fastTicket);

            assertThat(fast.nextJson().get("type").asString()).isEqualTo("match.assigned");
            assertThat(slow.received()).isEmpty();
        }
    }

    /** The slow client reads nothing, so its tickets are found through the registry. */
    private void awaitTickets(List<String> into) {
        into.addAll(await().alias("the slow client's tickets all subscribed").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20)).until(() -> registry.subscribedTickets().stream()
                        .filter(id -> registry.subscribers(id).size() == 1)
                        .filter(id -> registry.subscribers(id).iterator().next().tickets().size() == STUCK_TICKETS)
                        .toList(), waiting -> waiting.size() == STUCK_TICKETS));
    }

    private String enqueue() {
        return http().post("/v1/matchmaking/enqueue", "{\"queueKey\":\"" + unique("q") + "\",\"members\":[\""
                + unique("p") + "\"],\"groupSize\":1}").json().get("ticketId").asString();
    }
}
