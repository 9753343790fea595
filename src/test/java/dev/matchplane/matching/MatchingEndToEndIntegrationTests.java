package dev.matchplane.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.matchplane.support.HttpJson.Response;
import dev.matchplane.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The scheduled tick end to end over HTTP: a game server registers, clients enqueue, the tick assigns. Each test
 * uses its own landType, so servers and queues of one test never serve another.
 */
@TestPropertySource(properties = { "matchmaking.interval=50ms", "matchmaking.min-wait=0ms",
        "matchmaking.queues[0].pattern=minwait*", "matchmaking.queues[0].min-wait=1500ms",
        "matchmaking.queues[1].pattern=relax*", "matchmaking.queues[1].relax-after=700ms",
        "matchmaking.queues[2].pattern=expire*", "matchmaking.queues[2].max-wait=300ms" })
class MatchingEndToEndIntegrationTests extends IntegrationTest {

    private static final Duration SOON = Duration.ofSeconds(10);

    @Autowired
    QueueShards shards;

    @Test
    void twoPlayersInATwoVersusTwoQueueShareOneLandWithTheirOwnTokens() {
        String landType = unique("standard");
        register(landType, "gs-" + landType, "10.0.0.5", 7777, "");
        String alice = enqueue(landType + ":2v2", unique("alice"));
        String bob = enqueue(landType + ":2v2", unique("bob"));

        JsonNode a = awaitAssignment(alice);
        JsonNode b = awaitAssignment(bob);

        assertThat(a.get("landId").asString()).startsWith(landType + ":").isEqualTo(b.get("landId").asString());
        assertThat(a.get("matchId").asString()).isEqualTo(b.get("matchId").asString());
        assertThat(a.get("assignmentId").asString()).isNotEqualTo(b.get("assignmentId").asString());
        assertThat(a.get("serverId").asString()).isEqualTo("gs-" + landType);
        assertThat(a.get("connectUrl").asString())
                .isEqualTo("ws://10.0.0.5:7777/game/" + landType + "?landId=" + a.get("landId").asString());
        assertThat(a.get("matchToken").asString()).isNotEqualTo(b.get("matchToken").asString());
        assertThat(a.get("memberTokens").size()).isEqualTo(1);
        assertThat(a.get("expiresAt").asString()).matches("\\d{4}-.*T.*\\.\\d{3}Z");
        assertGameServerAccepts(a, alice);
    }

    /** What a game server does: fetch the JWKS over HTTP, verify the token's signature and claims. */
    private void assertGameServerAccepts(JsonNode assignment, String ticketId) {
        try {
            JWKSet jwks = JWKSet.parse(http().get("/.well-known/jwks.json").body());
            SignedJWT token = SignedJWT.parse(assignment.get("matchToken").asString());
            JWK key = jwks.getKeyByKeyId(token.getHeader().getKeyID());
            assertThat(key).as("token kid is published").isNotNull();
            assertThat(token.verify(new RSASSAVerifier(key.toRSAKey()))).isTrue();
            JWTClaimsSet claims = token.getJWTClaimsSet();
            assertThat(claims.getJWTID()).isEqualTo(assignment.get("assignmentId").asString());
            assertThat(claims.getStringClaim("assignmentId")).isEqualTo(assignment.get("assignmentId").asString());
            assertThat(claims.getStringClaim("landId")).isEqualTo(assignment.get("landId").asString());
            assertThat(claims.getStringClaim("ticketId")).isEqualTo(ticketId);
            assertThat(claims.getSubject()).isEqualTo(claims.getStringClaim("playerId"));
            assertThat(claims.getExpirationTime()).isAfter(new java.util.Date());
            assertThat(assignment.get("memberTokens").get(claims.getStringClaim("playerId")).asString())
                    .isEqualTo(assignment.get("matchToken").asString());
        }
        catch (java.text.ParseException | com.nimbusds.jose.JOSEException ex) {
            throw new AssertionError(ex);
        }
    }

    @Test
    void matchesShowInPrometheusMetricsPerQueue() {
        String landType = unique("metered");
        register(landType, "gs-" + landType, "10.0.0.4", 7000, "");
        String ticket = enqueue(landType, unique("a"));
        awaitAssignment(ticket);

        String metrics = http().get("/actuator/prometheus").body();
        assertThat(metrics).contains("matchplane_tickets_enqueued_total{outcome=\"created\",queue=\"" + landType
                + "\"} 1.0");
        assertThat(metrics).contains("matchplane_time_to_match_seconds_count{queue=\"" + landType + "\"} 1");
        assertThat(metrics).contains("matchplane_tickets_assigned_total{queue=\"" + landType + "\"} 1.0");
        int shard = shards.of(landType);
        assertThat(metrics).contains("matchplane_tick_duration_seconds_count{shard=\"" + shard + "\"}");
        assertThat(metrics).as("the only instance holds the queue's shard")
                .contains("matchplane_tick_lock_held{shard=\"" + shard + "\"} 1.0");
    }

    @Test
    void partyAndTwoSolosFillAFourPlayerMatch() {
        String landType = unique("squad");
        register(landType, "gs-" + landType, "10.0.0.6", 443, "");
        String party = enqueueParty(landType + ":4", List.of(unique("p1"), unique("p2")));
        String solo1 = enqueue(landType + ":4", unique("s1"));
        String solo2 = enqueue(landType + ":4", unique("s2"));

        JsonNode partyAssignment = awaitAssignment(party);
        assertThat(partyAssignment.get("memberTokens").size()).isEqualTo(2);
        assertThat(partyAssignment.get("connectUrl").asString()).startsWith("wss://10.0.0.6:443/");
        assertThat(awaitAssignment(solo1).get("landId")).isEqualTo(partyAssignment.get("landId"));
        assertThat(awaitAssignment(solo2).get("landId")).isEqualTo(partyAssignment.get("landId"));
    }

    @Test
    void ticketsWithoutServerWaitThenMatchOnceOneRegisters() {
        String landType = unique("lonely");
        String first = enqueue(landType + ":2", unique("a"));
        String second = enqueue(landType + ":2", unique("b"));
        staysQueued(first, Duration.ofMillis(500));
        assertThat(status(second).get("status").asString()).isEqualTo("queued");

        register(landType, "gs-" + landType, "10.0.0.7", 9000, "");

        assertThat(awaitAssignment(first).get("landId")).isEqualTo(awaitAssignment(second).get("landId"));
    }

    @Test
    void minWaitIsHonoured() {
        String landType = unique("minwait");
        register(landType, "gs-" + landType, "10.0.0.8", 9000, "");
        long started = System.currentTimeMillis();
        String ticket = enqueue(landType, unique("a"));
        staysQueued(ticket, Duration.ofMillis(600));
        awaitAssignment(ticket);
        assertThat(System.currentTimeMillis() - started).isGreaterThanOrEqualTo(1500);
    }

    @Test
    void relaxAfterLetsALoneTicketFormASmallerMatch() {
        String landType = unique("relax");
        register(landType, "gs-" + landType, "10.0.0.9", 9000, "");
        long started = System.currentTimeMillis();
        String solo = enqueue(landType + ":4v4", unique("a"));
        staysQueued(solo, Duration.ofMillis(300));
        assertThat(awaitAssignment(solo).get("memberTokens").size()).isEqualTo(1);
        assertThat(System.currentTimeMillis() - started).isGreaterThanOrEqualTo(700);
    }

    @Test
    void ticketOlderThanMaxWaitExpiresAndFreesItsPlayer() {
        String landType = unique("expire");
        String player = unique("a");
        String ticket = enqueue(landType + ":2", player);
        JsonNode expired = await().atMost(SOON).until(() -> status(ticket),
                s -> "expired".equals(s.get("status").asString()));
        assertThat(expired.get("status").asString()).isEqualTo("expired");
        assertThat(redis.hasKey(keys.player(player))).isFalse();
        assertThat(http().post("/v1/matchmaking/enqueue", "{\"queueKey\":\"other\",\"members\":[\"" + player
                + "\"],\"groupSize\":1}").status()).isEqualTo(201);
    }

    private void register(String landType, String serverId, String host, int port, String extra) {
        Response response = http().post("/v1/provisioning/servers/register", "{\"serverId\":\"" + serverId
                + "\",\"host\":\"" + host + "\",\"port\":" + port + ",\"landType\":\"" + landType + "\"" + extra
                + "}");
        assertThat(response.status()).isEqualTo(200);
    }

    private String enqueue(String queueKey, String player) {
        return enqueueParty(queueKey, List.of(player));
    }

    private String enqueueParty(String queueKey, List<String> players) {
        String members = String.join("\",\"", players);
        Response response = http().post("/v1/matchmaking/enqueue", "{\"queueKey\":\"" + queueKey
                + "\",\"members\":[\"" + members + "\"],\"groupSize\":" + players.size() + "}");
        assertThat(response.status()).isEqualTo(201);
        return response.json().get("ticketId").asString();
    }

    private JsonNode status(String ticketId) {
        return http().get("/v1/matchmaking/status/" + ticketId).json();
    }

    /** The stored status, and the time just before it was read. */
    private record Look(long atMillis, String status) {
    }

    /**
     * The ticket is still queued {@code period} after it was created. It is looked at every 20 ms (ticks run every
     * 50 ms meanwhile) until a look at or after that time, or one that finds it no longer queued. Anchored on the
     * stored creation time, so that a slow enqueue answer on a busy machine does not shift the check.
     */
    private void staysQueued(String ticketId, Duration period) {
        long until = Long.parseLong(String.valueOf(redis.opsForHash().get(keys.ticket(ticketId), "createdAt")))
                + period.toMillis();
        Look last = await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).atMost(period.plusSeconds(2))
                .until(() -> new Look(System.currentTimeMillis(),
                        String.valueOf(redis.opsForHash().get(keys.ticket(ticketId), "status"))),
                        look -> !"queued".equals(look.status()) || look.atMillis() >= until);
        assertThat(last.status()).as("status %s after it was created", period).isEqualTo("queued");
    }

    private JsonNode awaitAssignment(String ticketId) {
        JsonNode status = await().atMost(SOON).until(() -> status(ticketId),
                s -> "assigned".equals(s.get("status").asString()));
        assertThat(status.get("status").asString()).isEqualTo("assigned");
        return status.get("assignment");
    }
}
