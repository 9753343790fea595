package dev.matchplane.rulesets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import dev.matchplane.support.HttpJson.Response;
import dev.matchplane.support.IntegrationTest;
import dev.matchplane.support.WsTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Matching under rule sets end to end over HTTP: each test stores a rule set for its own landType, registers a
 * server, enqueues players with attributes and latencies, and reads the assignments the tick made.
 */
@TestPropertySource(properties = { "matchmaking.interval=50ms", "matchmaking.min-wait=0ms" })
class RuleSetMatchingIntegrationTests extends IntegrationTest {

    RuleSetHttp api() {
        return new RuleSetHttp(http());
    }

    /** A rule set for {@code landType:*} with a number attribute {@code skill} (no default) and these parts. */
    private String ruleSet(String landType, String teams, String rules, String expansions) {
        String name = unique("set");
        api().putOk(name, "{\"queues\":[\"" + landType + ":*\"],\"attributes\":{\"skill\":{\"type\":\"number\"},"
                + "\"mode\":{\"type\":\"string\",\"default\":\"any\"}},\"teams\":" + teams + ",\"rules\":" + rules
                + ",\"expansions\":" + expansions + "}");
        return name;
    }

    private static final String ONE_VS_ONE = "[{\"name\":\"a\",\"players\":1},{\"name\":\"b\",\"players\":1}]";
    private static final String TWO_VS_TWO = "[{\"name\":\"red\",\"players\":2},{\"name\":\"blue\",\"players\":2}]";

    private static String skill(int value) {
        return "{\"skill\":" + value + "}";
    }

    @Test
    void aMissingRequiredAttributeIsRefusedNamingPlayerAndAttribute() {
        String landType = unique("req");
        ruleSet(landType, ONE_VS_ONE, "[]", "[]");
        String alice = unique("alice");
        Response response = api().enqueue(landType + ":1v1", List.of(alice), null);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("ATTRIBUTE_REQUIRED");
        assertThat(response.json().get("detail").asString()).contains(alice).contains("skill");
        assertThat(redis.hasKey(keys.player(alice))).as("nothing written").isFalse();
    }

    @Test
    void playerDataIsShapeCheckedAndTypeCheckedUnderTheRuleSet() {
        String landType = unique("shape");
        ruleSet(landType, ONE_VS_ONE, "[]", "[]");
        String alice = unique("alice");
        assertField(api().enqueue(landType + ":x", List.of(alice), "{\"" + alice
                + "\":{\"attributes\":{\"skill\":\"high\"}}}"), "players." + alice + ".attributes.skill");
        assertField(api().enqueue(landType + ":x", List.of(alice), "{\"" + alice
                + "\":{\"attributes\":{\"skill\":1},\"latencies\":{\"eu-west\":\"35\"}}}"),
                "players." + alice + ".latencies.eu-west");
        assertField(api().enqueue(landType + ":x", List.of(alice), "{\"" + alice
                + "\":{\"attributes\":{\"skill\":1},\"latencies\":{\"eu-west\":10001}}}"),
                "players." + alice + ".latencies.eu-west");
        assertField(api().enqueue(landType + ":x", List.of(alice), "{\"" + alice
                + "\":{\"attributes\":{\"maps\":[\"dust\",\"dust\"]}}}"), "players." + alice + ".attributes.maps");
        assertField(api().enqueue(landType + ":x", List.of(alice), "{\"mallory\":{\"attributes\":{\"skill\":1}}}"),
                "players.mallory");
    }

    private static void assertField(Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .contains(field);
    }

    @Test
    void dedupThenThePlayerRuleComeBeforeTheRuleSetRefusals() {
        String landType = unique("order");
        ruleSet(landType, ONE_VS_ONE, "[]", "[]");
        String queue = landType + ":1v1";
        String alice = unique("alice");
        String group = unique("g");
        Response first = http().post("/v1/matchmaking/enqueue", "{\"queueKey\":\"" + queue + "\",\"groupId\":\""
                + group + "\",\"members\":[\"" + alice + "\"],\"groupSize\":1,\"players\":{\"" + alice
                + "\":{\"attributes\":{\"skill\":1}}}}");
        assertThat(first.status()).isEqualTo(201);

        Response duplicate = http().post("/v1/matchmaking/enqueue", "{\"queueKey\":\"" + queue
                + "\",\"groupId\":\"" + group + "\",\"members\":[\"" + alice + "\"],\"groupSize\":1}");
        assertThat(duplicate.status()).as("dedup before ATTRIBUTE_REQUIRED").isEqualTo(201);
        assertThat(duplicate.json().get("ticketId")).isEqualTo(first.json().get("ticketId"));

        Response conflict = api().enqueue(queue, List.of(alice), null);
        assertThat(conflict.code()).as("the player rule before ATTRIBUTE_REQUIRED").isEqualTo("PLAYER_ALREADY_QUEUED");
        assertThat(String.valueOf(redis.opsForHash().get(keys.ticket(first.json().get("ticketId").asString()),
                "players"))).as("normalised player data in the ticket").isEqualTo("{\"" + alice
                        + "\":{\"attributes\":{\"skill\":1}}}");
    }

    @Test
    void theWebSocketEnqueueChecksPlayersUnderTheRuleSetToo() {
        String landType = unique("ws");
        ruleSet(landType, ONE_VS_ONE, "[]", "[]");
        try (WsTestClient client = WsTestClient.connect(port, "/realtime")) {
            String bob = unique("bob");
            client.send("{\"action\":\"enqueue\",\"queueKey\":\"" + landType + ":1v1\",\"members\":[\"" + bob
                    + "\"],\"groupSize\":1}");
            JsonNode refused = client.nextJson();
            assertThat(refused.get("type").asString()).isEqualTo("error");
            assertThat(refused.get("code").asString()).isEqualTo("ATTRIBUTE_REQUIRED");
            client.send("{\"action\":\"enqueue\",\"queueKey\":\"" + landType + ":1v1\",\"members\":[\"" + bob
                    + "\"],\"groupSize\":1,\"players\":{\"" + bob + "\":{\"attributes\":{\"skill\":7}}}}");
            assertThat(client.nextJson().get("type").asString()).isEqualTo("enqueued");
        }
    }

    @Test
    void aPartyLargerThanEveryTeamIsRefusedWhateverTheQueueKeySays() {
        String landType = unique("big");
        ruleSet(landType, TWO_VS_TWO, "[]", "[]");
        List<String> party = List.of(unique("p1"), unique("p2"), unique("p3"));
        Response response = api().enqueue(landType + ":10", party, "{\"" + party.get(0)
                + "\":{\"attributes\":{\"skill\":1}}}");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("PARTY_TOO_LARGE");
    }

    @Test
    void skillKeepsFarApartPlayersInSeparateMatches() {
        String landType = unique("skill");
        api().register(landType, "gs-" + landType, null);
        ruleSet(landType, ONE_VS_ONE, "[{\"name\":\"close\",\"type\":\"distance\",\"attribute\":\"skill\","
                + "\"max\":100}]", "[]");
        String queue = landType + ":ranked";
        String t1000 = api().solo(queue, unique("a"), skill(1000));
        String t2000 = api().solo(queue, unique("b"), skill(2000));
        String t1050 = api().solo(queue, unique("c"), skill(1050));
        String t2060 = api().solo(queue, unique("d"), skill(2060));

        Map<String, JsonNode> assigned = api().awaitAssignments(List.of(t1000, t2000, t1050, t2060));
        assertThat(assigned.get(t1000).get("matchId")).isEqualTo(assigned.get(t1050).get("matchId"));
        assertThat(assigned.get(t2000).get("matchId")).isEqualTo(assigned.get(t2060).get("matchId"));
        assertThat(assigned.get(t1000).get("matchId")).isNotEqualTo(assigned.get(t2000).get("matchId"));
        assertThat(assigned.get(t1000).get("team").asString()).isNotEqualTo(assigned.get(t1050).get("team")
                .asString());
    }

    @Test
    void aPartyOfTwoStaysOnOneTeamOfATwoVersusTwo() {
        String landType = unique("party");
        api().register(landType, "gs-" + landType, null);
        ruleSet(landType, TWO_VS_TWO, "[]", "[]");
        String queue = landType + ":2v2";
        List<String> pair = List.of(unique("p1"), unique("p2"));
        Response party = api().enqueue(queue, pair, "{\"" + pair.get(0) + "\":{\"attributes\":{\"skill\":1}},\""
                + pair.get(1) + "\":{\"attributes\":{\"skill\":2}}}");
        assertThat(party.status()).as(party.body()).isEqualTo(201);
        String partyTicket = party.json().get("ticketId").asString();
        String s1 = api().solo(queue, unique("s1"), skill(3));
        String s2 = api().solo(queue, unique("s2"), skill(4));

        Map<String, JsonNode> assigned = api().awaitAssignments(List.of(partyTicket, s1, s2));
        String partyTeam = assigned.get(partyTicket).get("team").asString();
        assertThat(partyTeam).isIn("red", "blue");
        assertThat(assigned.get(s1).get("team").asString()).isEqualTo(assigned.get(s2).get("team").asString())
                .isNotEqualTo(partyTeam);
        assertThat(assigned.get(s1).get("landId")).isEqualTo(assigned.get(partyTicket).get("landId"));
        for (JsonNode token : assigned.get(partyTicket).get("memberTokens")) {
            assertThat(teamClaim(token.asString())).as("every member's token names the party's team")
                    .isEqualTo(partyTeam);
        }
    }

    @Test
    void teamBalancePairsTheStrongestWithTheWeakest() {
        String landType = unique("balance");
        api().register(landType, "gs-" + landType, null);
        ruleSet(landType, TWO_VS_TWO, "[{\"name\":\"fair\",\"type\":\"teamBalance\",\"attribute\":\"skill\","
                + "\"max\":50}]", "[]");
        String queue = landType + ":2v2";
        String t1000 = api().solo(queue, unique("a"), skill(1000));
        String t1100 = api().solo(queue, unique("b"), skill(1100));
        String t1900 = api().solo(queue, unique("c"), skill(1900));
        String t2000 = api().solo(queue, unique("d"), skill(2000));

        Map<String, JsonNode> assigned = api().awaitAssignments(List.of(t1000, t1100, t1900, t2000));
        String teamOf1000 = assigned.get(t1000).get("team").asString();
        assertThat(assigned.get(t2000).get("team").asString()).isEqualTo(teamOf1000);
        assertThat(assigned.get(t1100).get("team").asString()).isEqualTo(assigned.get(t1900).get("team").asString())
                .isNotEqualTo(teamOf1000);
    }

    @Test
    void equalsOnModeNeverMixesModes() {
        String landType = unique("modes");
        api().register(landType, "gs-" + landType, null);
        ruleSet(landType, "[{\"name\":\"all\",\"players\":2}]", "[{\"name\":\"same-mode\",\"type\":\"equals\","
                + "\"attribute\":\"mode\"}]", "[]");
        String queue = landType + ":any";
        String ctf1 = api().solo(queue, unique("a"), "{\"skill\":1,\"mode\":\"ctf\"}");
        String dm1 = api().solo(queue, unique("b"), "{\"skill\":1,\"mode\":\"dm\"}");
        String ctf2 = api().solo(queue, unique("c"), "{\"skill\":1,\"mode\":\"ctf\"}");
        String dm2 = api().solo(queue, unique("d"), "{\"skill\":1,\"mode\":\"dm\"}");

        Map<String, JsonNode> assigned = api().awaitAssignments(List.of(ctf1, dm1, ctf2, dm2));
        assertThat(assigned.get(ctf1).get("matchId")).isEqualTo(assigned.get(ctf2).get("matchId"));
        assertThat(assigned.get(dm1).get("matchId")).isEqualTo(assigned.get(dm2).get("matchId"));
        assertThat(assigned.get(ctf1).at("/matchAttributes/mode").asString()).isEqualTo("ctf");
        assertThat(assigned.get(dm2).at("/matchAttributes/mode").asString()).isEqualTo("dm");
    }

    @Test
    void latencyPlacesTwoEuropeanPlayersOnTheEuropeanServer() {
        String landType = unique("ping");
        // the US server's id sorts first: without the latency rule the least-loaded tie would go to it
        api().register(landType, "a-us-" + landType, "us-east");
        api().register(landType, "b-eu-" + landType, "eu-west");
        ruleSet(landType, "[{\"name\":\"all\",\"players\":2}]", "[{\"name\":\"ping\",\"type\":\"latency\","
                + "\"max\":80}]", "[]");
        String queue = landType + ":duo";
        String a = latencyPlayer(queue, unique("a"), "{\"eu-west\":30,\"us-east\":120}");
        String b = latencyPlayer(queue, unique("b"), "{\"eu-west\":45,\"us-east\":150}");

        Map<String, JsonNode> assigned = api().awaitAssignments(List.of(a, b));
        assertThat(assigned.get(a).get("serverId").asString()).isEqualTo("b-eu-" + landType);
        assertThat(assigned.get(a).get("region").asString()).isEqualTo("eu-west");
        assertThat(assigned.get(b).get("landId")).isEqualTo(assigned.get(a).get("landId"));
    }

    private String latencyPlayer(String queue, String player, String latencies) {
        Response response = api().enqueue(queue, List.of(player), "{\"" + player
                + "\":{\"attributes\":{\"skill\":1},\"latencies\":" + latencies + "}}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("ticketId").asString();
    }

    @Test
    void anExpansionStepMatchesOnceTheOldestHasWaitedPastIt() {
        String landType = unique("widen");
        api().register(landType, "gs-" + landType, null);
        ruleSet(landType, ONE_VS_ONE, "[{\"name\":\"close\",\"type\":\"distance\",\"attribute\":\"skill\","
                + "\"max\":100}]", "[{\"target\":\"rules[close].max\",\"steps\":[{\"afterMs\":1500,\"value\":1000}]}]");
        String queue = landType + ":ranked";
        String oldest = api().solo(queue, unique("a"), skill(1000));
        String younger = api().solo(queue, unique("b"), skill(1500));
        long createdAt = Long.parseLong(String.valueOf(redis.opsForHash().get(keys.ticket(oldest), "createdAt")));

        await().pollInterval(Duration.ofMillis(20)).atMost(Duration.ofSeconds(3))
                .until(() -> System.currentTimeMillis() >= createdAt + 1000
                        || !"queued".equals(api().status(oldest).get("status").asString()));
        assertThat(api().status(oldest).get("status").asString()).as("not before the step").isEqualTo("queued");

        JsonNode assignment = api().awaitAssignment(oldest);
        long assignedAt = Long.parseLong(String.valueOf(redis.opsForHash().get(keys.ticket(oldest), "updatedAt")));
        assertThat(assignedAt - createdAt).isGreaterThanOrEqualTo(1500);
        assertThat(api().awaitAssignment(younger).get("matchId")).isEqualTo(assignment.get("matchId"));
    }

    @Test
    void theTokenCarriesTheTeamForAStandardJwtLibrary() {
        String landType = unique("claim");
        api().register(landType, "gs-" + landType, null);
        ruleSet(landType, ONE_VS_ONE, "[]", "[]");
        String queue = landType + ":1v1";
        String a = api().solo(queue, unique("a"), skill(1));
        String b = api().solo(queue, unique("b"), skill(2));
        JsonNode first = api().awaitAssignment(a);
        JsonNode second = api().awaitAssignment(b);

        assertThat(teamClaim(first.get("matchToken").asString())).isEqualTo(first.get("team").asString());
        assertThat(teamClaim(second.get("matchToken").asString())).isEqualTo(second.get("team").asString())
                .isNotEqualTo(first.get("team").asString());
    }

    private static String teamClaim(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("team");
        }
        catch (java.text.ParseException ex) {
            throw new AssertionError(ex);
        }
    }

    @Test
    void aQueueWithoutRuleSetGetsNoRuleFields() {
        String landType = unique("plain");
        api().register(landType, "gs-" + landType, null);
        Response response = api().enqueue(landType, List.of(unique("a")), null);
        JsonNode assignment = api().awaitAssignment(response.json().get("ticketId").asString());
        assertThat(assignment.has("team")).isFalse();
        assertThat(assignment.has("region")).isFalse();
        assertThat(assignment.has("matchAttributes")).isFalse();
        assertThat(teamClaim(assignment.get("matchToken").asString())).isNull();
    }
}
