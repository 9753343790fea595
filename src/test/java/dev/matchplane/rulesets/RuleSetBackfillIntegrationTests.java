package dev.matchplane.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import dev.matchplane.support.HttpJson.Response;
import dev.matchplane.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Backfill of a land whose queue has a rule set, end to end: a 2v2 match forms, the game server asks for backfill
 * (with its current players), and the tick fills the slots with tickets that keep the rules, each on its team.
 */
@TestPropertySource(properties = { "matchmaking.interval=50ms", "matchmaking.min-wait=0ms" })
class RuleSetBackfillIntegrationTests extends IntegrationTest {

    private static final String TWO_VS_TWO = "[{\"name\":\"red\",\"players\":2},{\"name\":\"blue\",\"players\":2}]";

    RuleSetHttp api() {
        return new RuleSetHttp(http());
    }

    /** A 2v2 rule set for {@code landType:*} with a number attribute {@code skill} (no default) and these rules. */
    private void ruleSet(String landType, String rules) {
        api().putOk(unique("set"), "{\"queues\":[\"" + landType + ":*\"],\"attributes\":{\"skill\":{\"type\":"
                + "\"number\"}},\"teams\":" + TWO_VS_TWO + ",\"rules\":" + rules + "}");
    }

    /** Four players at these skills form the land's match; its first assignment. */
    private JsonNode landOf(String queue, int... skills) {
        List<String> tickets = java.util.Arrays.stream(skills)
                .mapToObj(skill -> api().solo(queue, unique("p"), "{\"skill\":" + skill + "}")).toList();
        Map<String, JsonNode> assignments = api().awaitAssignments(tickets);
        assertThat(assignments.values().stream().map(a -> a.get("landId").asString()).distinct()).hasSize(1);
        return assignments.get(tickets.get(0));
    }

    private Response backfill(String landId, String body) {
        return http().post("/v1/provisioning/lands/" + landId + "/backfill", body);
    }

    @Test
    void twoSlotsOnTwoTeamsGetTheRightTeams() {
        String landType = unique("bfteams");
        api().register(landType, "gs-" + landType, "eu-west");
        ruleSet(landType, "[]");
        String queue = landType + ":2v2";
        JsonNode original = landOf(queue, 1000, 1000, 1000, 1000);
        String landId = original.get("landId").asString();
        assertThat(backfill(landId, "{\"openSlots\":{\"red\":1,\"blue\":1}}").status()).isEqualTo(201);

        String x = api().solo(queue, unique("x"), "{\"skill\":1000}");
        String y = api().solo(queue, unique("y"), "{\"skill\":1000}");
        JsonNode first = api().awaitAssignment(x);
        JsonNode second = api().awaitAssignment(y);

        assertThat(List.of(first.get("landId").asString(), second.get("landId").asString()))
                .containsOnly(landId);
        assertThat(List.of(first.get("team").asString(), second.get("team").asString()))
                .containsExactlyInAnyOrder("red", "blue");
        for (JsonNode filled : List.of(first, second)) {
            assertThat(teamClaim(filled.get("matchToken").asString())).isEqualTo(filled.get("team").asString());
            assertThat(filled.get("region")).as("the land's region").isEqualTo(original.get("region"));
            assertThat(filled.get("matchId")).isEqualTo(original.get("matchId"));
        }
        JsonNode request = http().get("/v1/provisioning/lands/" + landId + "/backfill").json();
        assertThat(request.get("status").asString()).isEqualTo("filled");
        assertThat(request.get("filled").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder(x, y);
        assertThat(request.get("openSlots").get("red").asInt()).isZero();
        assertThat(request.get("openSlots").get("blue").asInt()).isZero();
    }

    @Test
    void rulesWithTheLandsCurrentPlayersAreRespected() {
        String landType = unique("bfrules");
        api().register(landType, "gs-" + landType, null);
        ruleSet(landType, "[{\"name\":\"close\",\"type\":\"distance\",\"attribute\":\"skill\",\"max\":100}]");
        String queue = landType + ":2v2";
        String landId = landOf(queue, 1000, 1010, 990, 1005).get("landId").asString();
        assertThat(backfill(landId, "{\"openSlots\":{\"red\":1},\"players\":{"
                + "\"r1\":{\"team\":\"red\",\"attributes\":{\"skill\":1000}},"
                + "\"b1\":{\"team\":\"blue\",\"attributes\":{\"skill\":1010}},"
                + "\"b2\":{\"team\":\"blue\",\"attributes\":{\"skill\":990}}}}").status()).isEqualTo(201);

        String far = api().solo(queue, unique("far"), "{\"skill\":2000}");
        String near = api().solo(queue, unique("near"), "{\"skill\":1050}");
        JsonNode filled = api().awaitAssignment(near);

        assertThat(filled.get("landId").asString()).isEqualTo(landId);
        assertThat(filled.get("team").asString()).isEqualTo("red");
        assertThat(api().status(far).get("status").asString()).as("2000 is 1000 away from the current players")
                .isEqualTo("queued");
        JsonNode request = http().get("/v1/provisioning/lands/" + landId + "/backfill").json();
        assertThat(request.get("filled").valueStream().map(JsonNode::asString).toList()).containsExactly(near);
    }

    /** What only the land's rule set can judge: 4xx problem+json naming the field, and nothing stored. */
    @Test
    void bodiesThatBreakTheLandsRuleSetAreRefused() {
        String landType = unique("bfbad");
        api().register(landType, "gs-" + landType, null);
        ruleSet(landType, "[]");
        String landId = landOf(landType + ":2v2", 1, 2, 3, 4).get("landId").asString();
        for (String[] refused : new String[][] {
                { "{\"openSlots\":{\"green\":1}}", "400", "VALIDATION_FAILED", "openSlots.green" },
                { "{\"openSlots\":{\"\":1}}", "400", "VALIDATION_FAILED", "openSlots." },
                { "{\"openSlots\":1}", "400", "VALIDATION_FAILED", "openSlots" },
                { "{\"openSlots\":{\"red\":3}}", "400", "VALIDATION_FAILED", "openSlots.red" },
                { "{\"openSlots\":{\"red\":1},\"players\":{\"p\":{\"attributes\":{\"skill\":1}}}}", "400",
                        "VALIDATION_FAILED", "players.p.team" },
                { "{\"openSlots\":{\"red\":1},\"players\":{\"p\":{\"team\":\"red\",\"attributes\":{\"skill\":"
                        + "\"high\"}}}}", "400", "VALIDATION_FAILED", "players.p.attributes.skill" },
                { "{\"openSlots\":{\"red\":1},\"players\":{\"p\":{\"team\":\"red\",\"attributes\":{\"skill\":1},"
                        + "\"latencies\":{\"eu\":10001}}}}", "400", "VALIDATION_FAILED", "players.p.latencies.eu" },
                { "{\"openSlots\":{\"red\":1},\"players\":{\"p\":{\"team\":\"red\"}}}", "422", "ATTRIBUTE_REQUIRED",
                        "players.p.attributes.skill" },
                { "{\"openSlots\":{\"red\":1},\"players\":{\"p\":{\"team\":\"red\",\"attributes\":{\"skill\":1}},"
                        + "\"q\":{\"team\":\"red\",\"attributes\":{\"skill\":1}}}}", "400", "VALIDATION_FAILED",
                        "openSlots.red" } }) {
            Response response = backfill(landId, refused[0]);
            assertThat(response.status()).as(refused[0]).isEqualTo(Integer.parseInt(refused[1]));
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.code()).as(refused[0]).isEqualTo(refused[2]);
            assertThat(response.json().get("errors").get(0).get("field").asString()).as(refused[0])
                    .isEqualTo(refused[3]);
        }
        assertThat(http().get("/v1/provisioning/lands/" + landId + "/backfill").code()).isEqualTo("LAND_NOT_FOUND");
        assertThat(backfill(landId, "{\"openSlots\":{\"red\":1,\"blue\":0},\"players\":{\"p\":{\"team\":\"red\","
                + "\"attributes\":{\"skill\":1},\"latencies\":{\"eu\":20}}}}").status()).isEqualTo(201);
    }

    private static String teamClaim(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("team");
        }
        catch (java.text.ParseException ex) {
            throw new AssertionError(ex);
        }
    }

}
