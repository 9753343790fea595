package dev.matchplane.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import dev.matchplane.examples.ExamplePlayers.Connection;
import dev.matchplane.examples.ExamplePlayers.Connection.Closed;
import dev.matchplane.support.HttpJson;
import dev.matchplane.support.IntegrationTest;
import example.gameserver.GameServer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The example game server (examples/game-server) against the whole service: it registers itself, players matched
 * onto its landType connect with their match token, and only a valid token for the right land gets the welcome: any
 * other is closed with 1008 before a message is sent. Protocol errors close with 1002, oversized messages with 1009.
 * Each test runs its own example server for a landType of its own.
 */
@TestPropertySource(properties = { "matchmaking.min-wait=0ms", "matchmaking.interval=50ms",
        "logging.level.example.gameserver=WARN" })
class GameServerExampleIntegrationTests extends IntegrationTest {

    /** RFC 6455 §7.4.1 close codes, spelled out here so the test does not take them from the library it checks. */
    private static final int PROTOCOL_ERROR = 1002;
    private static final int POLICY_VIOLATION = 1008;
    private static final int MESSAGE_TOO_BIG = 1009;
    /** The example's limit (GameSocketServer.MAX_MESSAGE_BYTES, package-private in another package). */
    private static final int MAX_MESSAGE_BYTES = 64 * 1024;

    private ExamplePlayers players() {
        return new ExamplePlayers("http://127.0.0.1:" + port);
    }

    @Test
    void bothPlayersOfATwoVersusTwoMatchAreWelcomedUnderTheirOwnId() throws Exception {
        ExamplePlayers players = players();
        String landType = unique("example");
        String alice = unique("alice");
        String bob = unique("bob");
        try (GameServer server = players.startGameServer(landType)) {
            List<JsonNode> assignments = players.queueAndAwaitAssignments(landType + ":2v2", alice, bob);

            assertThat(assignments.get(0).get("connectUrl").asString()).startsWith("ws://127.0.0.1:" + server.port()
                    + "/game/" + landType + "?landId=");
            assertWelcomed(assignments.get(0), alice);
            assertWelcomed(assignments.get(1), bob);
        }
    }

    /**
     * The land lifecycle as the example runs it: a player leaving a running game opens a backfill slot, which the
     * next player queued fills on the same land; the last player out ends the game and the land is released, so a
     * server of capacity 1 takes the next match at once.
     */
    @Test
    void aPlayerLeavingIsBackfilledAndTheLastOneOutReleasesTheLand() throws Exception {
        ExamplePlayers players = players();
        String landType = unique("lifecycle");
        String queue = landType + ":2";
        try (GameServer server = players.startGameServer(landType, "--capacity", "1")) {
            List<JsonNode> assignments = players.queueAndAwaitAssignments(queue, unique("alice"), unique("bob"));
            String landId = assignments.get(0).get("landId").asString();
            Connection alice = ExamplePlayers.connect(ExamplePlayers.joinUrl(assignments.get(0)));
            alice.welcome();
            Connection bob = ExamplePlayers.connect(ExamplePlayers.joinUrl(assignments.get(1)));
            bob.welcome();

            bob.close();
            String backfill = "/v1/provisioning/lands/" + landId + "/backfill";
            await().atMost(Duration.ofSeconds(10)).until(() -> players.http().get(backfill).json()
                    .path("status").asString(), "open"::equals);
            JsonNode carol = players.queueAndAwaitAssignments(queue, unique("carol")).get(0);
            assertThat(carol.get("landId").asString()).isEqualTo(landId);
            Connection carolSocket = ExamplePlayers.connect(ExamplePlayers.joinUrl(carol));
            assertThat(carolSocket.welcome().get("landId").asString()).isEqualTo(landId);

            alice.close();
            carolSocket.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> players.http().get(backfill).code(),
                    "LAND_NOT_FOUND"::equals);
            List<JsonNode> next = players.queueAndAwaitAssignments(queue, unique("dave"), unique("erin"));
            assertThat(next.get(0).get("landId").asString()).as("capacity 1: the released slot was free at once")
                    .isNotEqualTo(landId);
        }
    }

    @Test
    void tamperedTokenIsClosedWith1008BeforeAnyMessage() throws Exception {
        ExamplePlayers players = players();
        String landType = unique("tamper");
        try (GameServer server = players.startGameServer(landType)) {
            String mallory = unique("mallory");
            JsonNode assignment = players.queueAndAwaitAssignments(landType, mallory).get(0);
            String token = assignment.get("matchToken").asString();

            String tampered = flipSignatureCharacter(token);

            Closed closed = ExamplePlayers.closedWithoutWelcome(
                    assignment.get("connectUrl").asString() + "&token=" + tampered);
            assertThat(closed.code()).isEqualTo(POLICY_VIOLATION);
            assertThat(closed.reason()).startsWith("invalid match token");
            // The genuine token still opens the land: the refusal was about the signature, not a broken server.
            assertWelcomed(assignment, mallory);
        }
    }

    @Test
    void tokenForAnotherLandIsClosedWith1008() throws Exception {
        ExamplePlayers players = players();
        String landType = unique("otherland");
        try (GameServer server = players.startGameServer(landType)) {
            JsonNode assignment = players.queueAndAwaitAssignments(landType, unique("eve")).get(0);
            String otherLand = "ws://127.0.0.1:" + server.port() + "/game/" + landType + "?landId=" + landType
                    + ":00000000-0000-0000-0000-000000000000&token=" + assignment.get("matchToken").asString();

            Closed closed = ExamplePlayers.closedWithoutWelcome(otherLand);
            assertThat(closed.code()).isEqualTo(POLICY_VIOLATION);
            assertThat(closed.reason()).contains("another land");
        }
    }

    @Test
    void connectionWithoutTokenIsClosedWith1008() throws Exception {
        ExamplePlayers players = players();
        String landType = unique("notoken");
        try (GameServer server = players.startGameServer(landType)) {
            String url = "ws://127.0.0.1:" + server.port() + "/game/" + landType + "?landId=" + landType + ":x";

            assertThat(ExamplePlayers.closedWithoutWelcome(url).code()).isEqualTo(POLICY_VIOLATION);
        }
    }

    @Test
    void pathOfAnotherLandTypeIsRefusedInTheHandshake() throws Exception {
        ExamplePlayers players = players();
        String landType = unique("path");
        try (GameServer server = players.startGameServer(landType)) {
            String url = "ws://127.0.0.1:" + server.port() + "/game/not-" + landType + "?landId=x&token=y";

            // Java-WebSocket answers every refusal from the handshake hook with this status.
            assertThat(ExamplePlayers.refusedStatus(url)).isEqualTo(404);
        }
    }

    @Test
    void messageAboveTheLimitIsClosedWith1009() throws Exception {
        ExamplePlayers players = players();
        String landType = unique("big");
        try (GameServer server = players.startGameServer(landType)) {
            JsonNode assignment = players.queueAndAwaitAssignments(landType, unique("bigmouth")).get(0);
            Connection connection = ExamplePlayers.connect(ExamplePlayers.joinUrl(assignment));
            connection.welcome();

            connection.sendText("x".repeat(MAX_MESSAGE_BYTES + 1));

            assertThat(connection.awaitClose().code()).isEqualTo(MESSAGE_TOO_BIG);
        }
    }

    @Test
    void frameWithAReservedBitSetIsClosedWith1002() throws Exception {
        ExamplePlayers players = players();
        String landType = unique("rsv");
        try (GameServer server = players.startGameServer(landType)) {
            JsonNode assignment = players.queueAndAwaitAssignments(landType, unique("fuzzer")).get(0);
            try (RawWebSocket raw = RawWebSocket.open(ExamplePlayers.joinUrl(assignment))) {
                // FIN + RSV1 + text: RSV1 is only allowed when an extension was negotiated, and none was.
                raw.sendFrame(0x80 | 0x40 | 0x1, "hi".getBytes(StandardCharsets.UTF_8));

                assertThat(raw.awaitCloseCode()).isEqualTo(PROTOCOL_ERROR);
            }
        }
    }

    @Test
    void exampleHeartbeatsAndDeregistersWhenClosed() throws Exception {
        ExamplePlayers players = players();
        String landType = unique("beat");
        String serverId = "gs-" + landType;
        GameServer server = players.startGameServer(landType, "--heartbeat-seconds", "1", "--region", "eu");
        try {
            JsonNode registered = registration(players.http(), serverId);
            assertThat(registered.get("port").asInt()).isEqualTo(server.port());
            assertThat(registered.get("region").asString()).isEqualTo("eu");
            String firstSeen = registered.get("lastSeenAt").asString();

            JsonNode later = await().atMost(Duration.ofSeconds(10)).until(() -> registration(players.http(), serverId),
                    s -> s != null && !firstSeen.equals(s.get("lastSeenAt").asString()));
            assertThat(later.get("lastSeenAt").asString()).isNotEqualTo(firstSeen);
            assertThat(later.get("registeredAt")).isEqualTo(registered.get("registeredAt"));
        }
        finally {
            server.close();
        }
        assertThat(registration(players.http(), serverId)).isNull();
    }

    /**
     * ES256 tokens (an EC key in the JWKS) and a provisioning API key: a second application context, reached through
     * this class's own port because the enclosing instance belongs to the first.
     */
    @Nested
    @TestPropertySource(properties = { "token.algorithm=ES256", "provisioning.api-key=example-provisioning-key" })
    class WithEs256AndApiKey {

        @LocalServerPort
        int es256Port;

        @Test
        void es256TokensAreVerifiedAgainstTheEcKeyInTheJwks() throws Exception {
            ExamplePlayers players = new ExamplePlayers("http://127.0.0.1:" + es256Port);
            String landType = unique("es256");
            String carol = unique("carol");
            String dave = unique("dave");
            try (GameServer server = players.startGameServer(landType, "--api-key", "example-provisioning-key")) {
                List<JsonNode> assignments = players.queueAndAwaitAssignments(landType + ":2v2", carol, dave);

                assertThat(players.http().get("/.well-known/jwks.json").json().get("keys").get(0).get("kty")
                        .asString()).isEqualTo("EC");
                assertThat(header(assignments.get(0).get("matchToken").asString()).get("alg").asString())
                        .isEqualTo("ES256");
                assertWelcomed(assignments.get(0), carol);
                assertWelcomed(assignments.get(1), dave);
                assertThat(ExamplePlayers.closedWithoutWelcome(ExamplePlayers.joinUrl(assignments.get(0)).replace(
                        assignments.get(0).get("matchToken").asString(),
                        flipSignatureCharacter(assignments.get(0).get("matchToken").asString()))).code())
                        .isEqualTo(POLICY_VIOLATION);
            }
        }

        @Test
        void gameServerWithoutTheApiKeyFailsToStart() {
            ExamplePlayers players = new ExamplePlayers("http://127.0.0.1:" + es256Port);

            assertThatThrownBy(() -> players.startGameServer(unique("nokey")).close())
                    .hasMessageContaining("401");
        }
    }

    /** Connects as the assignment says and checks the welcome names this player, this land and this match. */
    private static void assertWelcomed(JsonNode assignment, String playerId) throws Exception {
        Connection connection = ExamplePlayers.connect(ExamplePlayers.joinUrl(assignment));
        JsonNode welcome = connection.welcome();
        assertThat(welcome.get("type").asString()).isEqualTo("welcome");
        assertThat(welcome.get("playerId").asString()).isEqualTo(playerId);
        assertThat(welcome.get("landId").asString()).isEqualTo(assignment.get("landId").asString());
        assertThat(welcome.get("matchId").asString()).isEqualTo(assignment.get("matchId").asString());
        assertThat(connection.close()).isEqualTo(1000);
    }

    /**
     * Changes a character in the middle of the signature: the last one may only carry padding bits, which would
     * leave the signature bytes, and so its validity, unchanged.
     */
    private static String flipSignatureCharacter(String token) {
        int signatureStart = token.lastIndexOf('.') + 1;
        int index = signatureStart + (token.length() - signatureStart) / 2;
        char flipped = token.charAt(index) == 'A' ? 'B' : 'A';
        return token.substring(0, index) + flipped + token.substring(index + 1);
    }

    private static JsonNode header(String token) {
        byte[] json = Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.')));
        return HttpJson.parse(new String(json, StandardCharsets.UTF_8));
    }

    /** The server's entry in the admin view, or null once it is gone. */
    private static JsonNode registration(HttpJson http, String serverId) {
        for (JsonNode server : http.get("/v1/admin/servers").json().get("servers")) {
            if (serverId.equals(server.get("serverId").asString())) {
                return server;
            }
        }
        return null;
    }
}
