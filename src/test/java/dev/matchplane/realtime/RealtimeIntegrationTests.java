package dev.matchplane.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.matchplane.support.FakeAssignments;
import dev.matchplane.support.HttpJson;
import dev.matchplane.support.IntegrationTest;
import dev.matchplane.support.WsTestClient;
import dev.matchplane.redis.RedisKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.types.RedisClientInfo;
import tools.jackson.databind.JsonNode;

/** The client's view of {@code /realtime} (docs/websocket-api.md) over real sockets, with the tick stood in for. */
class RealtimeIntegrationTests extends IntegrationTest {

    private static final Duration QUIET = Duration.ofMillis(500);

    @Autowired
    RedisKeys keys;

    @Autowired
    SocketRegistry registry;

    @Autowired
    TicketFeed feed;

    FakeAssignments tick;

    @BeforeEach
    void setUp() {
        tick = new FakeAssignments(redis, keys);
    }

    @Test
    void byDefaultAForeignBrowserOriginIsRefusedAndANativeClientAccepted() {
        assertThatThrownBy(() -> WsTestClient.connectFrom("https://elsewhere.test", port, "/realtime"))
                .cause().isInstanceOfSatisfying(java.net.http.WebSocketHandshakeException.class,
                        refused -> assertThat(refused.getResponse().statusCode()).isEqualTo(403));
        try (WsTestClient sameOrigin = WsTestClient.connectFrom("http://127.0.0.1:" + port, port, "/realtime");
                WsTestClient nativeClient = WsTestClient.connect(port, "/realtime")) {
            assertThat(sameOrigin.isClosed()).isFalse();
            assertThat(nativeClient.isClosed()).isFalse();
        }
    }

    @Test
    void subscribeBeforeAssignmentThenMatchAssignedOnceWithTheStatusAssignment() {
        String ticketId = enqueue();
        try (WsTestClient client = follow(ticketId)) {
            RealtimeAwait.subscribed(registry, ticketId, 1);
            String assignment = tick.assign(ticketId);

            String text = client.next();
            assertThat(text).isEqualTo("{\"type\":\"match.assigned\",\"v\":1,\"data\":{\"ticketId\":\"" + ticketId
                    + "\",\"assignment\":" + assignment + "}}");
            JsonNode status = http().get("/v1/matchmaking/status/" + ticketId).json();
            assertThat(HttpJson.parse(text).at("/data/assignment")).isEqualTo(status.get("assignment"));
            client.assertNoMessageWithin(QUIET);
            assertThat(registry.subscribers(ticketId)).isEmpty();
            assertThat(client.isClosed()).isFalse();
        }
    }

    @Test
    void subscribeAfterAssignmentThenMatchAssignedAtOnceByteIdenticalToStatus() {
        String ticketId = enqueue();
        String assignment = tick.assign(ticketId);
        try (WsTestClient client = follow(ticketId)) {
            String text = client.next();
            assertThat(text).isEqualTo("{\"type\":\"match.assigned\",\"v\":1,\"data\":{\"ticketId\":\"" + ticketId
                    + "\",\"assignment\":" + assignment + "}}");
            assertThat(http().get("/v1/matchmaking/status/" + ticketId).body()).contains("\"assignment\":" + assignment);
            client.assertNoMessageWithin(QUIET);
            assertThat(registry.subscribers(ticketId)).isEmpty();
        }
    }

    @Test
    void eventOfferedTwiceToOneSocketThenSentOnce() {
        String ticketId = enqueue();
        try (WsTestClient client = follow(ticketId)) {
            RealtimeAwait.subscribed(registry, ticketId, 1);
            RealtimeSocket socket = registry.subscribers(ticketId).iterator().next();
            TicketEvent event = new TicketEvent(TicketEvent.CANCELLED, ticketId,
                    "{\"type\":\"ticket.cancelled\",\"v\":1,\"data\":{\"ticketId\":\"" + ticketId + "\"}}");
            feed.deliver(socket, event);
            feed.deliver(socket, event);
            assertThat(client.next()).isEqualTo(event.text());
            client.assertNoMessageWithin(QUIET);
        }
    }

    @Test
    void cancelWhileSubscribedThenTicketCancelled() {
        String ticketId = enqueue();
        try (WsTestClient client = follow(ticketId)) {
            RealtimeAwait.subscribed(registry, ticketId, 1);
            http().post("/v1/matchmaking/cancel", "{\"ticketId\":\"" + ticketId + "\"}");
            assertThat(client.next())
                    .isEqualTo("{\"type\":\"ticket.cancelled\",\"v\":1,\"data\":{\"ticketId\":\"" + ticketId + "\"}}");
            client.assertNoMessageWithin(QUIET);
        }
    }

    @Test
    void subscribeAfterCancelThenTicketCancelledAtOnce() {
        String ticketId = enqueue();
        http().post("/v1/matchmaking/cancel", "{\"ticketId\":\"" + ticketId + "\"}");
        try (WsTestClient client = follow(ticketId)) {
            assertThat(client.next())
                    .isEqualTo("{\"type\":\"ticket.cancelled\",\"v\":1,\"data\":{\"ticketId\":\"" + ticketId + "\"}}");
        }
    }

    @Test
    void expireWhileSubscribedOrBeforeThenTicketExpired() {
        String ticketId = enqueue();
        String expired = "{\"type\":\"ticket.expired\",\"v\":1,\"data\":{\"ticketId\":\"" + ticketId + "\"}}";
        try (WsTestClient before = follow(ticketId)) {
            RealtimeAwait.subscribed(registry, ticketId, 1);
            tick.expire(ticketId);
            assertThat(before.next()).isEqualTo(expired);
            try (WsTestClient after = follow(ticketId)) {
                assertThat(after.next()).isEqualTo(expired);
            }
        }
    }

    @Test
    void unknownOrImplausibleTicketThenClose4404() {
        try (WsTestClient unknown = follow("ticket-" + unique("nope"));
                WsTestClient implausible = follow("not%20a%20ticket");
                WsTestClient empty = WsTestClient.connect(port, "/realtime?ticketId=")) {
            assertThat(unknown.awaitCloseCode()).isEqualTo(4404);
            assertThat(implausible.awaitCloseCode()).isEqualTo(4404);
            assertThat(empty.awaitCloseCode()).isEqualTo(4404);
        }
    }

    @Test
    void enqueueOverSocketThenEnqueuedAndStatusVisibleAndEventsFollow() {
        String group = unique("g");
        try (WsTestClient client = WsTestClient.connect(port, "/realtime")) {
            client.send("{\"action\":\"enqueue\"," + fields(unique("q"), group, unique("p")) + "}");
            JsonNode enqueued = client.nextJson();
            assertThat(enqueued.get("type").asString()).isEqualTo("enqueued");
            assertThat(enqueued.get("v").asInt()).isEqualTo(1);
            assertThat(enqueued.at("/data/status").asString()).isEqualTo("queued");
            String ticketId = enqueued.at("/data/ticketId").asString();
            JsonNode status = http().get("/v1/matchmaking/status/" + ticketId).json();
            assertThat(status.get("status").asString()).isEqualTo("queued");
            assertThat(status.get("groupId").asString()).isEqualTo(group);

            RealtimeAwait.subscribed(registry, ticketId, 1);
            tick.assign(ticketId);
            JsonNode assigned = client.nextJson();
            assertThat(assigned.get("type").asString()).isEqualTo("match.assigned");
            assertThat(assigned.at("/data/ticketId").asString()).isEqualTo(ticketId);
        }
    }

    @Test
    void enqueueOverSocketDedupsAndConflictsExactlyAsRest() {
        String group = unique("g");
        String player = unique("p");
        String queue = unique("q");
        String restTicket = http().post("/v1/matchmaking/enqueue", "{" + fields(queue, group, player) + "}").json()
                .get("ticketId").asString();
        try (WsTestClient client = WsTestClient.connect(port, "/realtime")) {
            client.send("{\"action\":\"enqueue\"," + fields(queue, group, unique("p")) + "}");
            assertThat(client.nextJson().at("/data/ticketId").asString()).isEqualTo(restTicket);

            client.send("{\"action\":\"enqueue\"," + fields(queue, unique("g"), player) + "}");
            JsonNode conflict = client.nextJson();
            assertThat(conflict.get("type").asString()).isEqualTo("error");
            assertThat(conflict.get("code").asString()).isEqualTo("PLAYER_ALREADY_QUEUED");
            assertThat(conflict.get("message").asString()).contains(player);
        }
    }

    @Test
    void malformedOrInvalidMessagesThenErrorsAndTheSocketStaysUsable() {
        try (WsTestClient client = WsTestClient.connect(port, "/realtime")) {
            client.send("{\"action\":\"enqueue\",");
            assertError(client.nextJson(), "MALFORMED_JSON");

            client.send("{\"action\":\"enqueue\",\"queueKey\":\"" + unique("q") + "\",\"members\":[\"" + unique("p")
                    + "\"],\"groupSize\":\"1\",\"extra\":true}");
            JsonNode invalid = client.nextJson();
            assertError(invalid, "VALIDATION_FAILED");
            assertThat(invalid.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("groupSize",
                    "extra");

            client.send("{\"action\":\"dance\"}");
            assertError(client.nextJson(), "VALIDATION_FAILED");
            client.send("[1,2]");
            assertError(client.nextJson(), "VALIDATION_FAILED");

            client.send("{\"action\":\"heartbeat\"}");
            client.send("{\"action\":\"enqueue\"," + fields(unique("q"), unique("g"), unique("p")) + "}");
            assertThat(client.nextJson().get("type").asString()).isEqualTo("enqueued");
            assertThat(client.isClosed()).isFalse();
        }
    }

    @Test
    void heartbeatThenNoReply() {
        try (WsTestClient client = WsTestClient.connect(port, "/realtime")) {
            client.send("{\"action\":\"heartbeat\"}");
            client.assertNoMessageWithin(QUIET);
            assertThat(client.isClosed()).isFalse();
        }
    }

    @Test
    void messageLargerThanTheReceiveBufferButWithinTheLimitIsReadWhole() {
        // Tomcat hands it over in parts of RealtimeConfiguration.TEXT_PART_CHARS; the handler joins them
        String constraints = "{\"pad\":\"" + "x".repeat(15 * 1024) + "\"}";
        try (WsTestClient client = WsTestClient.connect(port, "/realtime")) {
            client.send("{\"action\":\"enqueue\"," + fields(unique("q"), unique("g"), unique("p"))
                    + ",\"constraints\":" + constraints + "}");
            assertThat(client.nextJson().get("type").asString()).isEqualTo("enqueued");
            client.send("{\"action\":\"heartbeat\"}");
            client.assertNoMessageWithin(QUIET);
            assertThat(client.isClosed()).isFalse();
        }
    }

    @Test
    void messageOverTheSizeLimitThenClose1009() {
        try (WsTestClient client = WsTestClient.connect(port, "/realtime")) {
            client.send("{\"action\":\"heartbeat\",\"pad\":\"" + "x".repeat(17 * 1024) + "\"}");
            assertThat(client.awaitCloseCode()).isEqualTo(1009);
        }
    }

    @Test
    void ninthSocketOnOneTicketThenClose4429AndTheEightStillReceive() {
        String ticketId = enqueue();
        List<WsTestClient> eight = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                eight.add(follow(ticketId));
            }
            RealtimeAwait.subscribed(registry, ticketId, 8);
            try (WsTestClient ninth = follow(ticketId)) {
                assertThat(ninth.awaitCloseCode()).isEqualTo(4429);
            }
            tick.assign(ticketId);
            for (WsTestClient client : eight) {
                assertThat(client.nextJson().get("type").asString()).isEqualTo("match.assigned");
            }
        }
        finally {
            eight.forEach(WsTestClient::close);
        }
    }

    @Test
    void eventLostWhileThePubSubConnectionWasDownThenDeliveredOnResubscribe() {
        String ticketId = enqueue();
        try (WsTestClient client = follow(ticketId)) {
            RealtimeAwait.subscribed(registry, ticketId, 1);
            // The state changes but its event is lost, as if published while this instance was not subscribed.
            String assignment = tick.assignmentFor(ticketId, "");
            redis.opsForHash().putAll(keys.ticket(ticketId), Map.of("status", "assigned", "assignment", assignment));
            client.assertNoMessageWithin(QUIET);

            dropPubSubConnections();

            JsonNode event = client.nextJson();
            assertThat(event.get("type").asString()).isEqualTo("match.assigned");
            assertThat(event.at("/data/assignment")).isEqualTo(HttpJson.parse(assignment));
        }
    }

    @Test
    void pushesAndOpenSocketsShowInMetrics() {
        String ticketId = enqueue();
        try (WsTestClient client = follow(ticketId)) {
            RealtimeAwait.subscribed(registry, ticketId, 1);
            tick.assign(ticketId);
            client.next();
            String metrics = http().get("/actuator/prometheus").body();
            assertThat(metrics).containsPattern("matchplane_realtime_sessions(\\{[^}]*\\})? [1-9]");
            assertThat(metrics).containsPattern(
                    "matchplane_realtime_events_pushed_total\\{[^}]*type=\"match.assigned\"[^}]*\\} [1-9]");
        }
    }

    /** Like a network blip on the subscriber connections: Lettuce reconnects and subscribes again. */
    private void dropPubSubConnections() {
        redis.execute((RedisCallback<Object>) connection -> {
            for (RedisClientInfo client : connection.serverCommands().getClientList()) {
                if (!"0".equals(client.get("sub"))) {
                    String[] address = client.getAddressPort().split(":");
                    connection.serverCommands().killClient(address[0], Integer.parseInt(address[1]));
                }
            }
            return null;
        });
    }

    private WsTestClient follow(String ticketId) {
        return WsTestClient.connect(port, "/realtime?ticketId=" + ticketId);
    }

    private String enqueue() {
        HttpJson.Response created = http().post("/v1/matchmaking/enqueue",
                "{" + fields(unique("q") + ":eu", unique("g"), unique("p")) + "}");
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("ticketId").asString();
    }

    private static String fields(String queue, String group, String player) {
        return "\"queueKey\":\"" + queue + "\",\"groupId\":\"" + group + "\",\"members\":[\"" + player
                + "\"],\"groupSize\":1";
    }

    private static void assertError(JsonNode message, String code) {
        assertThat(message.get("type").asString()).isEqualTo("error");
        assertThat(message.get("code").asString()).isEqualTo(code);
        assertThat(message.get("message").asString()).isNotBlank();
    }
}
