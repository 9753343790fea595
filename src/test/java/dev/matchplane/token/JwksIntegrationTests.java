package dev.matchplane.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.matchplane.support.IntegrationTest;
import dev.matchplane.redis.RedisKeys;
import dev.matchplane.redis.RedisSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Match tokens from a game server's side: fetch the JWKS over HTTP, verify a token the application signed. */
class JwksIntegrationTests extends IntegrationTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Autowired
    private MatchTokens matchTokens;
    @Autowired
    private SigningKeys signingKeys;
    @Autowired
    private RedisKeys keys;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private Clock clock;

    @Test
    void tokenSignedByTheApplicationVerifiesAgainstTheServedJwks() throws Exception {
        HttpResponse<String> response = fetchJwks();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(
                cache -> assertThat(cache).contains("public").contains("max-age=300"));
        JWKSet jwks = JWKSet.parse(response.body());
        JWK served = jwks.getKeys().get(0);
        assertThat(served.getKeyType().getValue()).isEqualTo("RSA");
        assertThat(served.getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(served.getKeyUse().identifier()).isEqualTo("sig");
        assertThat(served.getKeyID()).isEqualTo(served.computeThumbprint().toString());

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<TokenClaims> claims = IntStream.range(0, 10).mapToObj(i -> new TokenClaims("jti-" + i, "assignment-1",
                "player-" + i, "arena:land-1", "server-1", "ticket-" + i, "match-1", now, now.plusSeconds(3600)))
                .toList();
        List<String> tokens = matchTokens.signAll(claims);

        for (int i = 0; i < tokens.size(); i++) {
            assertThat(SignedJWT.parse(tokens.get(i)).getHeader().getKeyID()).isEqualTo(served.getKeyID());
            JWTClaimsSet verified = GameServer.verify(response.body(), tokens.get(i), JWSAlgorithm.RS256);
            assertThat(verified.getJWTID()).isEqualTo("jti-" + i);
            assertThat(verified.getSubject()).isEqualTo("player-" + i);
            assertThat(verified.getStringClaim("playerId")).isEqualTo("player-" + i);
            assertThat(verified.getStringClaim("ticketId")).isEqualTo("ticket-" + i);
            assertThat(verified.getStringClaim("landId")).isEqualTo("arena:land-1");
            assertThat(verified.getAudience()).containsExactly("game-server");
            assertThat(verified.getExpirationTime().toInstant()).isEqualTo(now.plusSeconds(3600));
        }
    }

    @Test
    void generatedKeyIsStoredOnceAndASecondInstanceUsesAndPublishesIt() {
        RedisSigningKeys second = instance(keys, TokenAlgorithm.RS256, null);

        assertThat(second.active().kid()).isEqualTo(signingKeys.active().kid());
        assertThat(kids(second.published())).isEqualTo(kids(signingKeys.published()));
        Map<Object, Object> stored = redis.opsForHash().entries(keys.signingKeys());
        assertThat(stored).containsOnlyKeys("RS256");
        JsonNode entry = json.readTree((String) stored.get("RS256"));
        assertThat(entry.get("alg").asString()).isEqualTo("RS256");
        assertThat(entry.get("kid").asString()).isEqualTo(signingKeys.active().kid());
        assertThat(entry.get("privateKey").asString()).isNotBlank();
        assertThat(entry.get("createdAt").asLong()).isPositive();
    }

    @Test
    void concurrentFirstStartsAgreeOnOneKey() {
        RedisKeys fresh = freshKeys();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService starters = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<String>> kids = IntStream.range(0, 4)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        RedisSigningKeys instance = instance(fresh, TokenAlgorithm.ES256, null);
                        await(start);
                        return instance.active().kid();
                    }, starters)).toList();
            start.countDown();

            assertThat(kids.stream().map(CompletableFuture::join).distinct()).hasSize(1);
            assertThat(redis.opsForHash().size(fresh.signingKeys())).isEqualTo(1);
        }
        finally {
            starters.shutdownNow();
        }
    }

    @Test
    void switchingAlgorithmSignsWithANewKeyAndKeepsPublishingTheOldOne() {
        RedisKeys fresh = freshKeys();
        RedisSigningKeys rsa = instance(fresh, TokenAlgorithm.RS256, null);
        String rsaKid = rsa.active().kid();

        RedisSigningKeys ec = instance(fresh, TokenAlgorithm.ES256, null);

        assertThat(ec.active().algorithm()).isEqualTo(TokenAlgorithm.ES256);
        assertThat(ec.active().kid()).isNotEqualTo(rsaKid);
        assertThat(kids(ec.published())).containsExactly(ec.active().kid(), rsaKid);
        assertThat(kids(rsa.published())).containsExactly(rsaKid, ec.active().kid());
        assertThat(instance(fresh, TokenAlgorithm.RS256, null).active().kid()).isEqualTo(rsaKid);
    }

    @Test
    void configuredKeyFileIsUsedAndNothingIsGenerated(@TempDir Path dir) throws Exception {
        RedisKeys fresh = freshKeys();
        var pair = TokenAlgorithm.RS256.generate();
        Path file = Files.writeString(dir.resolve("signing.pem"), GameServer.pem(pair));

        RedisSigningKeys configured = instance(fresh, TokenAlgorithm.RS256, file.toString());

        assertThat(configured.active().kid()).isEqualTo(SigningKey.thumbprint(pair.getPublic()));
        assertThat(kids(configured.published())).containsExactly(configured.active().kid());
        assertThat(redis.hasKey(fresh.signingKeys())).isFalse();
    }

    private RedisSigningKeys instance(RedisKeys redisKeys, TokenAlgorithm algorithm, String keyFile) {
        TokenProperties properties = new TokenProperties(algorithm, "matchplane", "game-server", null, keyFile, 1,
                java.time.Duration.ofHours(1));
        return new RedisSigningKeys(redis, redisKeys, json, clock, properties,
                new RedisConfiguredKeyHistory(redis, redisKeys, json, clock, properties));
    }

    private static RedisKeys freshKeys() {
        return new RedisKeys(new RedisSettings("mmt-" + UUID.randomUUID().toString().substring(0, 8) + ":",
                RedisSettings.EmbeddedMode.NEVER));
    }

    private static List<String> kids(List<PublishedKey> published) {
        return published.stream().map(PublishedKey::kid).toList();
    }

    private HttpResponse<String> fetchJwks() throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/.well-known/jwks.json"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
