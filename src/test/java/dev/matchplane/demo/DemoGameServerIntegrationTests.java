package dev.matchplane.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import dev.matchplane.support.HttpJson.Response;
import dev.matchplane.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * With the demo on, two players of a {@code demo} queue are matched with nothing else running: the service keeps
 * the demo's game server registered itself.
 */
@TestPropertySource(properties = { "matchmaking.demo.enabled=true", "matchmaking.min-wait=0ms" })
class DemoGameServerIntegrationTests extends IntegrationTest {

    @Test
    void twoDemoPlayersAreMatchedOnTheDemoServerWithNoOtherGameServer() {
        String queue = "demo:" + unique("q") + ":2v2";
        String alice = enqueue(queue, unique("alice"));
        String bob = enqueue(queue, unique("bob"));

        for (String ticket : new String[] { alice, bob }) {
            JsonNode status = await().atMost(Duration.ofSeconds(10))
                    .until(() -> http().get("/v1/matchmaking/status/" + ticket).json(),
                            body -> body.path("status").asString().equals("assigned"));
            assertThat(status.path("assignment").path("serverId").asString()).isEqualTo("gs-demo");
            assertThat(status.path("assignment").path("connectUrl").asString())
                    .startsWith("ws://127.0.0.1:7777/game/demo?landId=demo:");
        }
    }

    private String enqueue(String queue, String player) {
        Response response = http().post("/v1/matchmaking/enqueue",
                "{\"queueKey\":\"" + queue + "\",\"members\":[\"" + player + "\"],\"groupSize\":1}");
        assertThat(response.status()).isEqualTo(201);
        return response.json().path("ticketId").asString();
    }
}
