package dev.matchplane.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.matchplane.redis.LuaScripts;
import dev.matchplane.support.HttpJson;
import dev.matchplane.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The recent-matches list in Redis, written by the commit script: capped at {@code matchmaking.console.recent-matches}
 * (3 here), newest first, one summary per committed match with its players, teams, region and skill spread, and no
 * token. The scripts themselves are also called directly, on keys of their own, to show they push only what they
 * did commit or fill.
 */
@TestPropertySource(properties = { "matchmaking.interval=50ms", "matchmaking.min-wait=0ms",
        "matchmaking.console.recent-matches=3" })
@SuppressWarnings("unchecked")
class RecentMatchesIntegrationTests extends IntegrationTest {

    @Test
    void theListKeepsOnlyTheNewestMatchesUpToTheCap() {
        String landType = unique("capped");
        register(landType, "eu-west");
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tickets.add(enqueue(landType + ":2", List.of(unique("p")), null));
        }

        Set<String> matchIds = new HashSet<>();
        tickets.forEach(ticketId -> matchIds.add(awaitAssignment(ticketId).get("matchId").asString()));

        assertThat(matchIds).as("five pairs committed").hasSize(5);
        List<JsonNode> recent = recentMatches();
        assertThat(recent).as("capped at matchmaking.console.recent-matches").hasSize(3);
        assertThat(recent).allSatisfy(match -> assertThat(matchIds).contains(match.get("matchId").asString()));
        assertThat(recent.stream().map(match -> match.get("committedAt").asLong()).toList())
                .as("newest first").isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void aRuledMatchIsSummarisedWithPlayersTeamsRegionAndSkillSpreadButNoToken() {
        String landType = unique("ruled");
        putRuleSet(unique("set"), "{\"queues\":[\"" + landType + ":*\"],\"attributes\":{\"skill\":{\"type\":"
                + "\"number\"}},\"teams\":[{\"name\":\"red\",\"players\":1},{\"name\":\"blue\",\"players\":1}],"
                + "\"rules\":[{\"name\":\"close\",\"type\":\"distance\",\"attribute\":\"skill\",\"max\":100}]}");
        register(landType, "us-east");
        String alice = unique("alice");
        String bob = unique("bob");
        String aliceTicket = enqueue(landType + ":1v1", List.of(alice), "{\"" + alice
                + "\":{\"attributes\":{\"skill\":1000}}}");
        String bobTicket = enqueue(landType + ":1v1", List.of(bob), "{\"" + bob
                + "\":{\"attributes\":{\"skill\":1040}}}");
        JsonNode assignment = awaitAssignment(aliceTicket);
        awaitAssignment(bobTicket);

        String raw = await().atMost(Duration.ofSeconds(5)).until(() -> redis.opsForList()
                .range(keys.recentMatches(), 0, -1).stream()
                .filter(entry -> entry.contains(assignment.get("matchId").asString())).findFirst().orElse(null),
                entry -> entry != null);
        JsonNode match = HttpJson.parse(raw);

        assertThat(match.get("queueKey").asString()).isEqualTo(landType + ":1v1");
        assertThat(match.get("landId").asString()).isEqualTo(assignment.get("landId").asString());
        assertThat(match.get("serverId").asString()).isEqualTo(assignment.get("serverId").asString());
        assertThat(match.get("region").asString()).isEqualTo("us-east");
        assertThat(match.get("skillSpread").get("attribute").asString()).isEqualTo("skill");
        assertThat(match.get("skillSpread").get("value").asDouble()).isEqualTo(40.0);
        assertThat(match.has("backfill")).as("a new match, not a backfill").isFalse();
        List<String> parties = new ArrayList<>();
        match.get("tickets").forEach(party -> parties.add(party.get("ticketId").asString() + " "
                + party.get("members").get(0).asString() + " " + party.get("team").asString()));
        assertThat(parties).containsExactlyInAnyOrder(aliceTicket + " " + alice + " " + team(aliceTicket),
                bobTicket + " " + bob + " " + team(bobTicket));
        assertThat(raw).as("no token of any kind").doesNotContainIgnoringCase("token")
                .doesNotContain(assignment.get("matchToken").asString());
    }

    @Test
    void commitPushesNothingForAMatchItRefuses() {
        String prefix = scriptPrefix();
        String now = Long.toString(System.currentTimeMillis());
        ticket(prefix, "t1", "queued", "");
        List<Object> reply = redis.execute(LuaScripts.returningList("commit"), scriptKeys(prefix), "1", now, prefix, "60",
                now, "5000", "60", "c1", "gs-1", "land-1", "q:2", "match-1", "udp://x", "1", "t1", "{}",
                "{\"matchId\":\"match-1\"}", "5");

        assertThat(reply).containsExactly(0L);
        assertThat(redis.hasKey(prefix + "recent")).as("a refused match is not recent").isFalse();
    }

    @Test
    void backfillPushesOnlyTheTicketsItFilled() {
        String prefix = scriptPrefix();
        long now = System.currentTimeMillis();
        redis.opsForHash().putAll(prefix + "land:land-1", Map.of("status", "active", "serverId", "gs-1",
                "queueKey", "q:2", "tickets", "[]"));
        redis.opsForHash().putAll(prefix + "backfill:land-1", Map.of("status", "open", "backfillId", "bf-1",
                "expiresAt", Long.toString(now + 60_000), "openSlots", "{\"\":2}", "filled", "[]"));
        ticket(prefix, "t1", "claimed", "c1");
        ticket(prefix, "t2", "queued", ""); // cancelled and back: no longer claimed by c2
        List<String> keysOfScript = new ArrayList<>(scriptKeys(prefix));
        keysOfScript.add(3, prefix + "backfills");
        String summary = "{\"matchId\":\"match-1\",\"landId\":\"land-1\",\"backfill\":true,\"tickets\":["
                + "{\"ticketId\":\"t1\",\"members\":[\"p-t1\"]},{\"ticketId\":\"t2\",\"members\":[\"p-t2\"]}]}";
        List<Object> reply = redis.execute(LuaScripts.returningList("backfill-fill"), keysOfScript, "1",
                Long.toString(now), prefix, "60", Long.toString(now + 60_000), "60", "60", "land-1", "bf-1", "2",
                "c1", "t1", "", "1", "{}", "c2", "t2", "", "1", "{}", summary, "5");

        assertThat(reply).containsExactly(1L, 0L);
        List<String> recent = redis.opsForList().range(prefix + "recent", 0, -1);
        assertThat(recent).hasSize(1);
        JsonNode fill = HttpJson.parse(recent.get(0));
        assertThat(fill.get("backfill").asBoolean()).isTrue();
        assertThat(fill.get("tickets")).hasSize(1);
        assertThat(fill.get("tickets").get(0).get("ticketId").asString()).isEqualTo("t1");
    }

    /** Keys of their own: the application's tick never sees them. */
    private String scriptPrefix() {
        return keys.prefix() + "script-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    /** commit.lua's keys: lock (held by fence 1), claims, expiries, recent matches. */
    private List<String> scriptKeys(String prefix) {
        redis.opsForValue().set(prefix + "lock", "1", Duration.ofSeconds(60));
        return List.of(prefix + "lock", prefix + "claims", prefix + "expiries", prefix + "recent");
    }

    private void ticket(String prefix, String ticketId, String status, String claim) {
        redis.opsForHash().putAll(prefix + "ticket:" + ticketId, Map.of("status", status, "claim", claim,
                "groupId", "g-" + ticketId, "members", "[\"p-" + ticketId + "\"]", "createdAt", "1"));
        redis.expire(prefix + "ticket:" + ticketId, Duration.ofSeconds(60));
    }

    private String team(String ticketId) {
        return awaitAssignment(ticketId).get("team").asString();
    }

    private List<JsonNode> recentMatches() {
        return redis.opsForList().range(keys.recentMatches(), 0, -1).stream().map(HttpJson::parse).toList();
    }

    private JsonNode awaitAssignment(String ticketId) {
        JsonNode status = await().atMost(Duration.ofSeconds(10))
                .until(() -> http().get("/v1/matchmaking/status/" + ticketId).json(),
                        s -> "assigned".equals(s.get("status").asString()));
        return status.get("assignment");
    }

    private String enqueue(String queueKey, List<String> members, String players) {
        HttpJson.Response response = http().post("/v1/matchmaking/enqueue", "{\"queueKey\":\"" + queueKey
                + "\",\"members\":[\"" + String.join("\",\"", members) + "\"],\"groupSize\":" + members.size()
                + (players == null ? "" : ",\"players\":" + players) + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("ticketId").asString();
    }

    private void register(String landType, String region) {
        assertThat(http().post("/v1/provisioning/servers/register", "{\"serverId\":\"gs-" + landType
                + "\",\"host\":\"10.0.0.7\",\"port\":7777,\"landType\":\"" + landType + "\",\"region\":\"" + region
                + "\"}").status()).isEqualTo(200);
    }

    private void putRuleSet(String name, String body) {
        HttpJson.Response response = http().send(http().request("/v1/admin/rulesets/" + name)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }
}
