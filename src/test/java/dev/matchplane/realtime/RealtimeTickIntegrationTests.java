package dev.matchplane.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.matchplane.support.HttpJson;
import dev.matchplane.support.IntegrationTest;
import dev.matchplane.support.WsTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The real tick pushing to real sockets: no fake events here. */
@TestPropertySource(properties = { "matchmaking.min-wait=0ms", "matchmaking.interval=50ms" })
class RealtimeTickIntegrationTests extends IntegrationTest {

    private static final int BURST = Integer.getInteger("burst", 1000);

    @Test
    void clientEnqueuedOverTheSocketLearnsItsMatchFromTheTickWithoutPolling() {
        String landType = unique("ws");
        register(landType);
        try (WsTestClient alice = WsTestClient.connect(port, "/realtime");
                WsTestClient bob = WsTestClient.connect(port, "/realtime")) {
            alice.send(enqueue(landType + ":2", unique("alice")));
            bob.send(enqueue(landType + ":2", unique("bob")));
            String aliceTicket = alice.nextJson().at("/data/ticketId").asString();
            JsonNode aliceEvent = alice.nextJson();
            JsonNode bobEvent = skipEnqueued(bob);

            assertThat(aliceEvent.get("type").asString()).isEqualTo("match.assigned");
            assertThat(aliceEvent.get("v").asInt()).isEqualTo(1);
            assertThat(aliceEvent.at("/data/ticketId").asString()).isEqualTo(aliceTicket);
            assertThat(aliceEvent.at("/data/assignment/landId")).isEqualTo(bobEvent.at("/data/assignment/landId"));
            assertThat(aliceEvent.at("/data/assignment"))
                    .isEqualTo(http().get("/v1/matchmaking/status/" + aliceTicket).json().get("assignment"));
        }
    }

    @Test
    void burstOfAThousandSubscribedSocketsEachGetExactlyTheirOwnAssignment() {
        String landType = unique("burst");
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            tickets.add(http().post("/v1/matchmaking/enqueue", enqueue(landType + ":2", unique("p")).replace(
                    "\"action\":\"enqueue\",", "")).json().get("ticketId").asString());
        }
        List<WsTestClient> sockets = new ArrayList<>();
        try {
            for (String ticket : tickets) {
                sockets.add(WsTestClient.connect(port, "/realtime?ticketId=" + ticket));
            }
            register(landType); // only now can the tick match them: every event is a push, not a stored read

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> sockets.stream().allMatch(socket -> !socket.received().isEmpty()));
            // a duplicate would arrive within half a second
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                    .until(() -> sockets.stream().allMatch(socket -> socket.received().size() == 1));
            for (int i = 0; i < BURST; i++) {
                List<String> received = sockets.get(i).received();
                assertThat(received).as("socket %d (ticket status %s)", i,
                        http().get("/v1/matchmaking/status/" + tickets.get(i)).body()).hasSize(1);
                JsonNode event = HttpJson.parse(received.get(0));
                assertThat(event.get("type").asString()).isEqualTo("match.assigned");
                assertThat(event.at("/data/ticketId").asString()).isEqualTo(tickets.get(i));
            }
        }
        finally {
            sockets.forEach(WsTestClient::close);
        }
    }

    private static JsonNode skipEnqueued(WsTestClient client) {
        JsonNode first = client.nextJson();
        return "enqueued".equals(first.get("type").asString()) ? client.nextJson() : first;
    }

    private void register(String landType) {
        assertThat(http().post("/v1/provisioning/servers/register", "{\"serverId\":\"gs-" + landType
                + "\",\"host\":\"127.0.0.1\",\"port\":7000,\"landType\":\"" + landType + "\"}").status())
                .isEqualTo(200);
    }

    private static String enqueue(String queueKey, String player) {
        return "{\"action\":\"enqueue\",\"queueKey\":\"" + queueKey + "\",\"members\":[\"" + player
                + "\"],\"groupSize\":1}";
    }
}
