package dev.matchplane.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchplane.MatchplaneApplication;
import dev.matchplane.support.FakeAssignments;
import dev.matchplane.support.HttpJson;
import dev.matchplane.support.IntegrationTest;
import dev.matchplane.support.TestRedis;
import dev.matchplane.support.WsTestClient;
import dev.matchplane.redis.RedisKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two instances on one Redis and one key prefix: a client may enqueue on one and follow its ticket on the other,
 * and the event reaches it from whichever instance made the change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealtimeMultiInstanceIntegrationTests extends IntegrationTest {

    @Autowired
    RedisKeys keys;

    ConfigurableApplicationContext instanceB;
    int portB;
    SocketRegistry registryB;

    @BeforeAll
    void startSecondInstance() {
        instanceB = new SpringApplicationBuilder(MatchplaneApplication.class).run("--server.port=0",
                "--spring.data.redis.url=" + TestRedis.url(), "--matchmaking.redis.key-prefix=" + keys.prefix(),
                "--matchmaking.redis.embedded=never", "--logging.level.dev.matchplane=WARN",
                "--spring.main.banner-mode=off");
        portB = Integer.parseInt(instanceB.getEnvironment().getRequiredProperty("local.server.port"));
        registryB = instanceB.getBean(SocketRegistry.class);
    }

    @AfterAll
    void stopSecondInstance() {
        if (instanceB != null) {
            instanceB.close();
        }
    }

    @Test
    void enqueueOnAFollowOnBThenTheAssignmentReachesB() {
        String ticketId = enqueueOnA();
        try (WsTestClient onB = WsTestClient.connect(portB, "/realtime?ticketId=" + ticketId)) {
            RealtimeAwait.subscribed(registryB, ticketId, 1);
            String assignment = new FakeAssignments(redis, keys).assign(ticketId);
            JsonNode event = onB.nextJson();
            assertThat(event.get("type").asString()).isEqualTo("match.assigned");
            assertThat(event.at("/data/assignment")).isEqualTo(HttpJson.parse(assignment));
        }
    }

    @Test
    void cancelOnAThenTheSocketOnBIsTold() {
        String ticketId = enqueueOnA();
        try (WsTestClient onB = WsTestClient.connect(portB, "/realtime?ticketId=" + ticketId)) {
            RealtimeAwait.subscribed(registryB, ticketId, 1);
            assertThat(http().post("/v1/matchmaking/cancel", "{\"ticketId\":\"" + ticketId + "\"}").json()
                    .get("cancelled").asBoolean()).isTrue();
            assertThat(onB.next())
                    .isEqualTo("{\"type\":\"ticket.cancelled\",\"v\":1,\"data\":{\"ticketId\":\"" + ticketId + "\"}}");
        }
    }

    @Test
    void enqueueOverBsSocketThenTicketVisibleOnA() {
        try (WsTestClient onB = WsTestClient.connect(portB, "/realtime")) {
            onB.send("{\"action\":\"enqueue\",\"queueKey\":\"" + unique("q") + "\",\"members\":[\"" + unique("p")
                    + "\"],\"groupSize\":1}");
            String ticketId = onB.nextJson().at("/data/ticketId").asString();
            assertThat(http().get("/v1/matchmaking/status/" + ticketId).json().get("status").asString())
                    .isEqualTo("queued");
        }
    }

    private String enqueueOnA() {
        return http().post("/v1/matchmaking/enqueue", "{\"queueKey\":\"" + unique("q") + "\",\"members\":[\""
                + unique("p") + "\"],\"groupSize\":1}").json().get("ticketId").asString();
    }
}
