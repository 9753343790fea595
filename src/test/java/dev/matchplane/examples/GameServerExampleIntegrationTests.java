package dev.matchplane.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import dev.matchplane.examples.ExamplePlayers.Connection;
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
 * onto its landType connect with their match token, and only a valid token for the right land opens a WebSocket.
 * Each test runs its own example server for a landType of its own.
 */
@TestPropertySource(properties = { "matchmaking.min-wait=0ms", "matchmaking.interval=50ms",
        "logging.level.example.gameserver=WARN" })
class GameServerExampleIntegrationTests extends IntegrationTest {

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

    @Test
    void tamperedTokenIsRefusedWith401() throws Exception {
        ExamplePlayers players = players();
        String landType = unique("tamper");
        try (GameServer server = players.startGameServer(landType)) {
            String mallory = unique("mallory");
            JsonNode assignment = players.queueAndAwaitAssignments(landType, mallory).get(0);
            String token = assignment.get("matchToken").asString();

            String tampered = flipSignatureCharacter(token);

            assertThat(ExamplePlayers.refusedStatus(assignment.get("connectUrl").asString() + "&token=" + tampered))
                    .isEqualTo(401);
            // The genuine token still opens the land: the refusal was about the signature, not a broken server.
            assertWelcomed(assignment, mallory);
        }
    }

    @Test
    void tokenForAnotherLandIsRefusedWith401() throws Exception {
        ExamplePlayers players = players();
        String landType = unique("otherland");
        try (GameServer server = players.startGameServer(landType)) {
            JsonNode assignment = players.queueAndAwaitAssignments(landType, unique("eve")).get(0);
            String otherLand = "ws://127.0.0.1:" + server.port() + "/game/" + landType + "?landId=" + landType
                    + ":00000000-0000-0000-0000-000000000000&token=" + assignment.get("matchToken").asString();

            assertThat(ExamplePlayers.refusedStatus(otherLand)).isEqualTo(401);
        }
    }

    @Test
    void connectionWithoutTokenIsRefusedWith401() throws Exception {
        ExamplePlayers players = players();
        String landType = unique("notoken");
        try (GameServer server = players.startGameServer(landType)) {
            String url = "ws://127.0.0.1:" + server.port() + "/game/" + landType + "?landId=" + landType + ":x";

            assertThat(ExamplePlayers.refusedStatus(url)).isEqualTo(401);
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
                assertThat(ExamplePlayers.refusedStatus(ExamplePlayers.joinUrl(assignments.get(0)).replace(
                        assignments.get(0).get("matchToken").asString(),
                        flipSignatureCharacter(assignments.get(0).get("matchToken").asString())))).isEqualTo(401);
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
