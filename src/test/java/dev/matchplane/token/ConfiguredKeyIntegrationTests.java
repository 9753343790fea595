package dev.matchplane.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import dev.matchplane.support.HttpJson.Response;
import dev.matchplane.support.IntegrationTest;
import dev.matchplane.redis.RedisKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** An operator's ES256 key, given as PEM text: used and published instead of a generated one, and never logged. */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "logging.level.dev.matchplane.token=INFO")
class ConfiguredKeyIntegrationTests extends IntegrationTest {

    private static final KeyPair KEY = TokenAlgorithm.ES256.generate();
    private static final String PEM = GameServer.pem(KEY);

    @Autowired
    private MatchTokens matchTokens;
    @Autowired
    private RedisKeys keys;

    @DynamicPropertySource
    static void configuredKey(DynamicPropertyRegistry registry) {
        registry.add("token.algorithm", () -> "ES256");
        registry.add("token.private-key-pem", () -> PEM);
    }

    @Test
    void configuredKeyIsPublishedAndSignsTokensAndNothingIsGenerated() throws Exception {
        Response response = http().get("/.well-known/jwks.json");
        assertThat(response.status()).isEqualTo(200);
        JWKSet jwks = JWKSet.parse(response.body());
        assertThat(jwks.getKeys()).extracting(k -> k.getKeyID())
                .contains(SigningKey.thumbprint(KEY.getPublic()));
        jwks = new JWKSet(jwks.getKeyByKeyId(SigningKey.thumbprint(KEY.getPublic())));
        ECKey served = (ECKey) jwks.getKeys().get(0);
        assertThat(served.getCurve().getName()).isEqualTo("P-256");
        assertThat(served.getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(served.toECPublicKey().getEncoded()).isEqualTo(KEY.getPublic().getEncoded());
        assertThat(served.getKeyID()).isEqualTo(served.computeThumbprint().toString());

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String token = matchTokens.signAll(List.of(new TokenClaims("assignment-1", "assignment-1", "player-1",
                "arena:land-1", "server-1", "ticket-1", "match-1", now, now.plusSeconds(60)))).get(0);

        assertThat(GameServer.verify(response.body(), token, JWSAlgorithm.ES256).getJWTID())
                .isEqualTo("assignment-1");
        assertThat(redis.hasKey(keys.signingKeys())).isFalse();
    }

    @Autowired
    private RedisConfiguredKeyHistory history;
    @Autowired
    private java.time.Clock clock;

    @Test
    void rotatedOutConfiguredKeyStaysPublishedUntilItsRetentionEnds() throws Exception {
        KeyPair next = TokenAlgorithm.ES256.generate();
        TokenProperties rotated = new TokenProperties(TokenAlgorithm.ES256, "matchplane", "game-server",
                GameServer.pem(next), null, 1, java.time.Duration.ofHours(1));
        RedisSigningKeys newInstance = new RedisSigningKeys(redis, keys, new tools.jackson.databind.json.JsonMapper(),
                clock, rotated, history);

        List<String> kids = newInstance.published().stream().map(PublishedKey::kid).toList();

        assertThat(kids).containsExactly(SigningKey.thumbprint(next.getPublic()),
                SigningKey.thumbprint(KEY.getPublic()));
        assertThat(JWKSet.parse(http().get("/.well-known/jwks.json").body()).getKeys()).hasSize(2);

        String oldKid = SigningKey.thumbprint(KEY.getPublic());
        String entry = (String) redis.opsForHash().get(keys.configuredSigningKeys(), oldKid);
        redis.opsForHash().put(keys.configuredSigningKeys(), oldKid, entry.replaceAll("\"until\":\\d+",
                "\"until\":1"));
        assertThat(newInstance.published()).extracting(PublishedKey::kid)
                .as("past its retention the old key is gone").containsExactly(SigningKey.thumbprint(next.getPublic()));
    }

    @Test
    void neitherKeyNorTokenAppearsInTheLog(CapturedOutput output) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String token = matchTokens.signAll(List.of(new TokenClaims("j", "a", "p", "arena:l", "s", "t", "m", now,
                now.plusSeconds(60)))).get(0);
        String kid = SigningKey.thumbprint(KEY.getPublic());

        assertThat(output.getAll()).contains("configured ES256 key (kid '" + kid + "')");
        assertThat(output.getAll()).doesNotContain(PEM.lines().skip(1).findFirst().orElseThrow())
                .doesNotContain(token);
    }
}
