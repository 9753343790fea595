package dev.matchplane.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchplane.MatchplaneApplication;
import dev.matchplane.support.OwnRedisServer;
import dev.matchplane.support.WsTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** While Redis is down, sockets are told STORE_UNAVAILABLE (or closed with 1013) and recover when it is back. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealtimeStoreOutageIntegrationTests {

    OwnRedisServer redisServer;
    ConfigurableApplicationContext app;
    int port;

    @BeforeAll
    void start() {
        redisServer = OwnRedisServer.start();
        app = new SpringApplicationBuilder(MatchplaneApplication.class).run("--server.port=0",
                "--spring.data.redis.url=" + redisServer.url(), "--matchmaking.redis.embedded=never",
                "--logging.level.dev.matchplane=ERROR",
                "--logging.level.org.springframework.data.redis=OFF", "--spring.main.banner-mode=off");
        port = Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        if (redisServer != null) {
            redisServer.stop();
        }
    }

    @Test
    void redisDownThenStoreUnavailableErrorsAndThe1013CloseThenRecovery() {
        try (WsTestClient client = WsTestClient.connect(port, "/realtime")) {
            redisServer.stop();
            try {
                client.send(enqueue());
                JsonNode error = client.nextJson();
                assertThat(error.get("type").asString()).isEqualTo("error");
                assertThat(error.get("code").asString()).isEqualTo("STORE_UNAVAILABLE");
                try (WsTestClient follower = WsTestClient.connect(port, "/realtime?ticketId=ticket-abcdef")) {
                    assertThat(follower.awaitCloseCode()).isEqualTo(1013);
                }
            }
            finally {
                redisServer.restart();
            }
            assertThat(client.isClosed()).isFalse();
            client.send(enqueue());
            JsonNode enqueued = awaitEnqueued(client);
            assertThat(enqueued.at("/data/status").asString()).isEqualTo("queued");
        }
    }

    /** Right after the restart the client may still be reconnecting: retry until Redis answers. */
    private static JsonNode awaitEnqueued(WsTestClient client) {
        JsonNode reply = client.nextJson();
        for (int attempt = 0; attempt < 20 && "error".equals(reply.get("type").asString()); attempt++) {
            assertThat(reply.get("code").asString()).isEqualTo("STORE_UNAVAILABLE");
            client.send(enqueue());
            reply = client.nextJson();
        }
        assertThat(reply.get("type").asString()).isEqualTo("enqueued");
        return reply;
    }

    private static String enqueue() {
        return "{\"action\":\"enqueue\",\"queueKey\":\"outage\",\"members\":[\"p-" + System.nanoTime()
                + "\"],\"groupSize\":1}";
    }
}
