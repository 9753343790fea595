package dev.matchplane.lands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import dev.matchplane.support.HttpJson.Response;
import dev.matchplane.support.HttpJson;
import dev.matchplane.support.IntegrationTest;
import dev.matchplane.support.WsTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Land release and backfill end to end over HTTP and WebSocket, with the scheduled tick: a game server registers,
 * players enqueue, the game server releases its land or asks for backfill. Each test has its own landType.
 */
@TestPropertySource(properties = { "matchmaking.interval=50ms", "matchmaking.min-wait=0ms",
        "matchmaking.backfill-ttl=2s" })
class LandLifecycleIntegrationTests extends IntegrationTest {

    private static final Duration SOON = Duration.ofSeconds(10);

    /** Invariant: a released land's capacity slot is free at once (release-land.lua), not at the assignment expiry. */
    @Test
    void releaseFreesCapacityAtOnceSoAServerOfCapacityOneTakesTheNextLand() {
        String landType = unique("cap");
        register(landType, ",\"capacity\":1");
        JsonNode first = awaitAssignment(enqueue(landType, unique("a")));
        String second = enqueue(landType, unique("b"));
        staysQueued(second, Duration.ofMillis(400));
        assertThat(landsInUse(landType)).isEqualTo(1);

        Response released = http().delete("/v1/provisioning/lands/" + first.get("landId").asString());

        assertThat(released.status()).isEqualTo(200);
        assertThat(released.json().get("released").asBoolean()).isTrue();
        JsonNode next = awaitAssignment(second);
        assertThat(next.get("landId").asString()).isNotEqualTo(first.get("landId").asString());
        assertThat(landsInUse(landType)).isEqualTo(1);
        Response again = http().delete("/v1/provisioning/lands/" + first.get("landId").asString());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("released").asBoolean()).as("releasing twice is harmless").isFalse();
        assertThat(landsInUse(landType)).as("the second release freed nothing more").isEqualTo(1);
    }

    @Test
    void unknownLandIsNotReleasedAndHasNoBackfill() {
        String landId = unique("ghost").replace('-', '_') + ":0b4f6f3e-2d7a-4c55-9a51-8f3b8c2e1d90";
        Response released = http().delete("/v1/provisioning/lands/" + landId);
        assertThat(released.status()).isEqualTo(200);
        assertThat(released.json().get("released").asBoolean()).isFalse();
        assertThat(http().post("/v1/provisioning/lands/" + landId + "/backfill", "{\"openSlots\":1}").code())
                .isEqualTo("LAND_NOT_FOUND");
        assertThat(http().get("/v1/provisioning/lands/" + landId + "/backfill").status()).isEqualTo(404);
        assertThat(http().delete("/v1/provisioning/lands/" + landId + "/backfill").code()).isEqualTo("LAND_NOT_FOUND");
    }

    /** Invariant: an open slot is filled by exactly one ticket, on the land (backfill-fill.lua checks the slots). */
    @Test
    void oneOpenSlotIsFilledByExactlyOneTicketOnTheLandsServerAndMatch() {
        String landType = unique("bf");
        register(landType, "");
        String queue = landType + ":2";
        String a = enqueue(queue, unique("a"));
        JsonNode original = awaitAssignment(enqueue(queue, unique("b")));
        assertThat(awaitAssignment(a).get("landId")).isEqualTo(original.get("landId"));
        String landId = original.get("landId").asString();

        Response opened = http().post("/v1/provisioning/lands/" + landId + "/backfill", "{\"openSlots\":{\"\":1}}");
        assertThat(opened.status()).isEqualTo(201);
        assertThat(opened.json().get("backfillId").asString()).startsWith("bf-");
        assertThat(opened.json().get("status").asString()).isEqualTo("open");
        String xPlayer = unique("x");
        String x = enqueue(queue, xPlayer);
        String y = enqueue(queue, unique("y"));

        JsonNode filled = awaitAssignment(x);
        assertThat(filled.get("landId").asString()).isEqualTo(landId);
        assertThat(filled.get("serverId")).isEqualTo(original.get("serverId"));
        assertThat(filled.get("connectUrl")).isEqualTo(original.get("connectUrl"));
        assertThat(filled.get("matchId")).isEqualTo(original.get("matchId"));
        assertThat(filled.get("assignmentId")).isNotEqualTo(original.get("assignmentId"));
        staysQueued(y, Duration.ofMillis(400));
        JsonNode backfill = http().get("/v1/provisioning/lands/" + landId + "/backfill").json();
        assertThat(backfill.get("status").asString()).isEqualTo("filled");
        assertThat(backfill.get("backfillId")).isEqualTo(opened.json().get("backfillId"));
        assertThat(backfill.get("filled").valueStream().map(JsonNode::asString).toList()).containsExactly(x);
        assertThat(backfill.get("openSlots").get("").asInt()).isZero();
        // the console's recent matches show the fill as a backfill of the land's match, with only the filled ticket
        JsonNode recent = redis.opsForList().range(keys.recentMatches(), 0, -1).stream().map(HttpJson::parse)
                .filter(match -> match.has("backfill")).findFirst().orElseThrow();
        assertThat(recent.get("backfill").asBoolean()).isTrue();
        assertThat(recent.get("matchId")).isEqualTo(original.get("matchId"));
        assertThat(recent.get("landId").asString()).isEqualTo(landId);
        assertThat(recent.get("tickets")).hasSize(1);
        assertThat(recent.get("tickets").get(0).get("ticketId").asString()).isEqualTo(x);
        assertThat(recent.get("tickets").get(0).get("members").get(0).asString()).isEqualTo(xPlayer);
    }

    @Test
    void expiredRequestFillsNothingAndIsReportedExpired() {
        String landType = unique("bfexp");
        register(landType, "");
        String landId = awaitAssignment(enqueue(landType + ":1", unique("a"))).get("landId").asString();
        assertThat(http().post("/v1/provisioning/lands/" + landId + "/backfill", "{\"openSlots\":1}").status())
                .isEqualTo(201);
        await().atMost(SOON).until(() -> backfillStatus(landId), "expired"::equals);

        String late = enqueue(landType + ":1", unique("late"));

        assertThat(awaitAssignment(late).get("landId").asString()).as("a new land, not the expired backfill")
                .isNotEqualTo(landId);
        assertThat(http().get("/v1/provisioning/lands/" + landId + "/backfill").json().get("filled").size()).isZero();
    }

    @Test
    void cancelledRequestStopsAtOnceAndReleaseCancelsAnOpenOne() {
        String landType = unique("bfcan");
        register(landType, "");
        String queue = landType + ":2";
        enqueue(queue, unique("a"));
        String landId = awaitAssignment(enqueue(queue, unique("b"))).get("landId").asString();
        String path = "/v1/provisioning/lands/" + landId + "/backfill";
        assertThat(http().post(path, "{\"openSlots\":1}").status()).isEqualTo(201);

        assertThat(http().delete(path).json().get("cancelled").asBoolean()).isTrue();
        assertThat(http().delete(path).json().get("cancelled").asBoolean()).isFalse();
        String waiting = enqueue(queue, unique("w"));
        staysQueued(waiting, Duration.ofMillis(400));
        assertThat(backfillStatus(landId)).isEqualTo("cancelled");

        assertThat(http().post(path, "{\"openSlots\":1}").status()).isEqualTo(201);
        assertThat(http().delete("/v1/provisioning/lands/" + landId).json().get("released").asBoolean()).isTrue();
        assertThat(http().get(path).code()).as("a released land has no backfill").isEqualTo("LAND_NOT_FOUND");
        assertThat(http().post(path, "{\"openSlots\":1}").code()).isEqualTo("LAND_NOT_FOUND");
        staysQueued(waiting, Duration.ofMillis(400));
    }

    @Test
    void aFilledPlayerReceivesMatchAssignedOverTheWebSocket() {
        String landType = unique("bfws");
        register(landType, "");
        String queue = landType + ":2";
        enqueue(queue, unique("a"));
        String landId = awaitAssignment(enqueue(queue, unique("b"))).get("landId").asString();
        assertThat(http().post("/v1/provisioning/lands/" + landId + "/backfill", "{\"openSlots\":1}").status())
                .isEqualTo(201);

        try (WsTestClient socket = WsTestClient.connect(port, "/realtime")) {
            socket.send("{\"action\":\"enqueue\",\"queueKey\":\"" + queue + "\",\"members\":[\"" + unique("ws")
                    + "\"],\"groupSize\":1}");
            JsonNode enqueued = socket.nextJson();
            assertThat(enqueued.get("type").asString()).isEqualTo("enqueued");
            assertThat(enqueued.get("data").has("estimatedWaitMs")).isTrue();
            JsonNode assigned = socket.nextJson();
            assertThat(assigned.get("type").asString()).isEqualTo("match.assigned");
            assertThat(assigned.get("data").get("assignment").get("landId").asString()).isEqualTo(landId);
        }
    }

    /** Bodies that only the land can judge (its teams, its match size): 400 naming the field, nothing stored. */
    @Test
    void backfillBodiesThatBreakTheLandsRulesAreRefusedAndStoreNothing() {
        String landType = unique("bfbad");
        register(landType, "");
        String queue = landType + ":2";
        enqueue(queue, unique("a"));
        String landId = awaitAssignment(enqueue(queue, unique("b"))).get("landId").asString();
        String path = "/v1/provisioning/lands/" + landId + "/backfill";
        for (String[] body : new String[][] { { "{\"openSlots\":{\"red\":1}}", "openSlots.red" },
                { "{\"openSlots\":3}", "openSlots" }, { "{\"openSlots\":{\"\":0}}", "openSlots" },
                { "{\"openSlots\":1,\"players\":{\"p1\":{\"team\":\"blue\"}}}", "players.p1.team" } }) {
            Response refused = http().post(path, body[0]);
            assertThat(refused.status()).as(body[0]).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo(body[1]);
        }
        assertThat(redis.hasKey(keys.backfill(landId))).isFalse();
        assertThat(http().get(path).code()).isEqualTo("LAND_NOT_FOUND");
    }

    private String backfillStatus(String landId) {
        return http().get("/v1/provisioning/lands/" + landId + "/backfill").json().get("status").asString();
    }

    private long landsInUse(String landType) {
        for (JsonNode server : http().get("/v1/admin/servers").json().get("servers")) {
            if (server.get("serverId").asString().equals("gs-" + landType)) {
                return server.get("landsInUse").asLong();
            }
        }
        throw new AssertionError("server gs-" + landType + " not listed");
    }

    private void register(String landType, String extra) {
        Response response = http().post("/v1/provisioning/servers/register", "{\"serverId\":\"gs-" + landType
                + "\",\"host\":\"10.0.0.9\",\"port\":7777,\"landType\":\"" + landType + "\"" + extra + "}");
        assertThat(response.status()).isEqualTo(200);
    }

    private String enqueue(String queueKey, String player) {
        Response response = http().post("/v1/matchmaking/enqueue", "{\"queueKey\":\"" + queueKey
                + "\",\"members\":[\"" + player + "\"],\"groupSize\":1}");
        assertThat(response.status()).isEqualTo(201);
        return response.json().get("ticketId").asString();
    }

    private JsonNode awaitAssignment(String ticketId) {
        JsonNode status = await().atMost(SOON).until(() -> http().get("/v1/matchmaking/status/" + ticketId).json(),
                s -> "assigned".equals(s.get("status").asString()));
        return status.get("assignment");
    }

    /** Still queued {@code period} after the check starts (ticks run every 50 ms meanwhile). */
    private void staysQueued(String ticketId, Duration period) {
        long until = System.currentTimeMillis() + period.toMillis();
        String last = await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                .atMost(period.plusSeconds(2)).until(() -> http().get("/v1/matchmaking/status/" + ticketId).json()
                        .get("status").asString(), s -> !"queued".equals(s) || System.currentTimeMillis() >= until);
        assertThat(last).isEqualTo("queued");
    }
}
