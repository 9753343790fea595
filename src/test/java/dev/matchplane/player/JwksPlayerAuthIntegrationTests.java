package dev.matchplane.player;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jose.jwk.RSAKey;
import dev.matchplane.support.HttpJson;
import dev.matchplane.support.WsTestClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Player tokens signed with the studio's RSA keys, published as a JWK set that this test serves over HTTP; the
 * key cache is 1 s so that a withdrawn key is seen within the test.
 */
@TestPropertySource(properties = { "matchmaking.player-auth.mode=jwt",
        "matchmaking.player-auth.audience=" + PlayerTokens.AUDIENCE, "matchmaking.player-auth.jwk-set-cache=1s",
        "logging.level.dev.matchplane.player=DEBUG", "logging.level.dev.matchplane.realtime=DEBUG" })
class JwksPlayerAuthIntegrationTests extends PlayerAuthIntegrationTest {

    private static final TestJwksServer JWKS = new TestJwksServer();
    private static final RSAKey KEY = PlayerTokens.newRsaKey();
    private static final RSAKey UNPUBLISHED = PlayerTokens.newRsaKey();
    private static final Duration VALID = Duration.ofMinutes(10);

    static {
        JWKS.publish(KEY);
    }

    @DynamicPropertySource
    static void studioKeys(DynamicPropertyRegistry registry) {
        registry.add("matchmaking.player-auth.jwk-set-uri", JWKS::uri);
    }

    @AfterAll
    static void stopJwks() {
        JWKS.close();
    }

    @Override
    String token(String player) {
        return PlayerTokens.rs256(KEY, PlayerTokens.claims(player, PlayerTokens.AUDIENCE, VALID));
    }

    @Override
    String expiredToken(String player) {
        return PlayerTokens.rs256(KEY, PlayerTokens.claims(player, PlayerTokens.AUDIENCE, Duration.ofMinutes(-3)));
    }

    /** Signed by a key that claims the published key's id. */
    @Override
    String wronglySignedToken(String player) {
        RSAKey impostor = new RSAKey.Builder(UNPUBLISHED).keyID(KEY.getKeyID()).build();
        return PlayerTokens.rs256(impostor, PlayerTokens.claims(player, PlayerTokens.AUDIENCE, VALID));
    }

    @Override
    String wrongAudienceToken(String player) {
        return PlayerTokens.rs256(KEY, PlayerTokens.claims(player, "another-game", VALID));
    }

    @Test
    void aNewKeyWorksAtOnceAndARemovedKeyStopsWorkingWithoutARestart() {
        String player = unique("alice");
        RSAKey old = PlayerTokens.newRsaKey();
        JWKS.publish(old);
        String oldToken = PlayerTokens.rs256(old, PlayerTokens.claims(player, PlayerTokens.AUDIENCE, VALID));
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> status(oldToken, "ticket-unknown0000000000000").status() == 404);

        RSAKey rotated = PlayerTokens.newRsaKey();
        JWKS.publish(rotated);
        String newToken = PlayerTokens.rs256(rotated, PlayerTokens.claims(player, PlayerTokens.AUDIENCE, VALID));
        assertThat(enqueue(newToken, queueOf(), unique("g"), player).status())
                .as("a key id not cached yet fetches the set again").isEqualTo(201);

        JWKS.withdraw(old.getKeyID());
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> status(oldToken, "ticket-unknown0000000000000").status() == 401);
        assertThat(status(newToken, "ticket-unknown0000000000000").status()).isEqualTo(404);
    }

    @Test
    void hostileTokensGet401AndNever5xx() {
        String player = unique("alice");
        Map<String, String> hostile = new LinkedHashMap<>();
        hostile.put("alg none", unsigned("{\"alg\":\"none\"}", player) + ".");
        hostile.put("alg none, signature kept", unsigned("{\"alg\":\"none\",\"kid\":\"" + KEY.getKeyID() + "\"}",
                player) + "." + token(player).split("\\.")[2]);
        hostile.put("HS256 with the public key (DER) as secret", hmacWithPublicKey(player, publicKeyDer()));
        hostile.put("HS256 with the public key (JWK JSON) as secret", hmacWithPublicKey(player,
                KEY.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)));
        hostile.put("signature stripped", token(player).substring(0, token(player).lastIndexOf('.') + 1));
        hostile.put("unknown key id", PlayerTokens.rs256(PlayerTokens.newRsaKey(),
                PlayerTokens.claims(player, PlayerTokens.AUDIENCE, VALID)));
        hostile.put("garbage", "eyJ.eyJ.c2ln");
        hostile.put("bytes", Base64.getUrlEncoder().encodeToString(new byte[] { 0, 1, 2, (byte) 255 }));
        hostile.put("two dots", "..");
        hostile.forEach((kind, token) -> {
            assertUnauthorized(kind + " enqueue", send("POST", ENQUEUE, enqueueBody(queueOf(), unique("g"), player),
                    token));
            assertUnauthorized(kind + " status", status(token, "ticket-unknown0000000000000"));
            assertThat(handshakeStatus("/realtime?access_token=" + token.replace("=", ""), null)).as(kind + " socket")
                    .isEqualTo(401);
        });
        assertThat(redis.hasKey(keys.player(player))).as("no hostile token enqueued anyone").isFalse();
    }

    @Test
    void aHugeTokenGetsA4xxProblemNever5xx() {
        String huge = "h".repeat(64 * 1024);
        HttpJson.Response rest = send("GET", STATUS + "ticket-unknown0000000000000", null, huge);
        assertThat(rest.status()).as(rest.body()).isBetween(400, 499);
        assertThat(rest.contentType()).startsWith("application/problem+json");
        assertThat(handshakeStatus("/realtime", huge)).isBetween(400, 499);
        assertThat(handshakeStatus("/realtime?access_token=" + huge, null)).isBetween(400, 499);
    }

    /** With tokens on, the client API is under Spring Security's strict firewall: refused, as problem+json. */
    @Test
    void oddSpellingsOfAClientPathGetA4xxProblem() {
        String player = unique("alice");
        for (String path : new String[] { ENQUEUE + ";x=1", STATUS + "..%2e..%2eetc", STATUS + "a%0D%0Ab" }) {
            HttpJson.Response answer = send(path.startsWith(ENQUEUE) ? "POST" : "GET", path,
                    path.startsWith(ENQUEUE) ? enqueueBody(queueOf(), unique("g"), player) : null, token(player));
            assertThat(answer.status()).as(path + ": " + answer.body()).isBetween(400, 499);
            assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
        }
        assertThat(redis.hasKey(keys.player(player))).isFalse();
    }

    @Test
    void aTokenInTheQueryIsTakenOnlyOnTheSocket() {
        String player = unique("alice");
        HttpJson.Response status = send("GET", STATUS + "ticket-unknown0000000000000?access_token=" + token(player),
                null, null);
        assertUnauthorized("token in a REST query", status);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void noTokenReachesALogLineOrAMetric(CapturedOutput output) {
        String player = unique("alice");
        String good = token(player);
        String bad = expiredToken(player);
        String ticketId = enqueue(good, queueOf(), unique("g"), player).json().path("ticketId").asString();
        try (WsTestClient socket = WsTestClient.connect(port,
                "/realtime?ticketId=" + ticketId + "&access_token=" + good)) {
            send("POST", CANCEL, cancelBody(ticketId), good);
            assertThat(socket.nextJson().path("type").asString()).isEqualTo("ticket.cancelled");
        }
        assertThat(handshakeStatus("/realtime?ticketId=" + ticketId + "&access_token=" + bad, null)).isEqualTo(401);
        String metrics = send("GET", "/actuator/prometheus", null, null).body();

        assertThat(output.getAll()).as("the refusal was logged (DEBUG), so the capture works")
                .contains("Player token refused");
        assertThat(output.getAll()).doesNotContain(good).doesNotContain(bad)
                .doesNotContain(good.split("\\.")[2]).doesNotContain("access_token");
        assertThat(metrics).contains("http_server_requests").doesNotContain(good).doesNotContain(bad)
                .doesNotContain("access_token");
    }

    private static String unsigned(String header, String player) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + base64.encodeToString(
                PlayerTokens.claims(player, PlayerTokens.AUDIENCE, VALID).toString().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] publicKeyDer() {
        try {
            return KEY.toRSAPublicKey().getEncoded();
        }
        catch (com.nimbusds.jose.JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The classic confusion attack: an HMAC "signed" with the public key, which anyone can fetch. */
    private static String hmacWithPublicKey(String player, byte[] publicKey) {
        return PlayerTokens.hs256(publicKey, PlayerTokens.claims(player, PlayerTokens.AUDIENCE, VALID));
    }
}
