package dev.matchplane.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

class JwsMatchTokensTests {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    /** A player id no real ticket may have, but the JSON must still be right for. */
    private static final String HOSTILE = "p\"q\\r/s\u0000\u0001\u001f\u007f\n\t\b\f\r \u00e9 \u20ac \uD83D\uDE00 "
            + "\u2028\u2029 </script>";
    /** HOSTILE as a JSON string: two-character escapes where JSON has them, else {@code \}{@code u00XX}. */
    private static final String HOSTILE_JSON = "\"p\\\"q\\\\r/s\\u0000\\u0001\\u001f\u007f\\n\\t\\b\\f\\r \u00e9 "
            + "\u20ac \uD83D\uDE00 \\u2028\\u2029 </script>\"";

    @ParameterizedTest
    @EnumSource(TokenAlgorithm.class)
    void signAllOfHundredClaimsKeepsTheirOrderAndEachVerifies(TokenAlgorithm algorithm) throws Exception {
        SigningKey key = generated(algorithm);
        List<TokenClaims> claims = IntStream.range(0, 100).mapToObj(JwsMatchTokensTests::claims).toList();

        List<String> tokens = signAll(key, 3, claims);

        assertThat(tokens).hasSize(100).doesNotHaveDuplicates();
        String jwks = jwks(key);
        for (int i = 0; i < tokens.size(); i++) {
            JWTClaimsSet verified = GameServer.verify(jwks, tokens.get(i), JWSAlgorithm.parse(algorithm.name()));
            assertThat(verified.getJWTID()).isEqualTo("jti-" + i);
            assertThat(verified.getSubject()).isEqualTo("player-" + i);
        }
    }

    @ParameterizedTest
    @EnumSource(TokenAlgorithm.class)
    void tokenCarriesTheContractHeaderAndClaims(TokenAlgorithm algorithm) throws Exception {
        SigningKey key = generated(algorithm);

        SignedJWT jwt = SignedJWT.parse(signAll(key, 2, List.of(claims(7))).get(0));

        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo(algorithm.name());
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("JWT");
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(key.kid());
        Map<String, Object> payload = jwt.getPayload().toJSONObject();
        assertThat(payload).containsEntry("assignmentId", "assignment-7").containsEntry("playerId", "player-7")
                .containsEntry("landId", "arena:land-7").containsEntry("serverId", "server-7")
                .containsEntry("ticketId", "ticket-7").containsEntry("matchId", "match-7")
                .containsEntry("jti", "jti-7").containsEntry("sub", "player-7")
                .containsEntry("iss", "matchplane").containsEntry("aud", "game-server")
                .containsEntry("iat", NOW.getEpochSecond()).containsEntry("exp", NOW.getEpochSecond() + 3600);
    }

    /**
     * The exact JSON the tokens have always had (header {@code typ}, {@code kid}, {@code alg}; registered claims, then
     * ours; {@code aud} one string; whole seconds), with ids that need escaping, read and verified by nimbus.
     */
    @ParameterizedTest
    @EnumSource(TokenAlgorithm.class)
    void tokenIsTheExpectedJsonEvenForHostileIdsAndVerifies(TokenAlgorithm algorithm) throws Exception {
        SigningKey key = generated(algorithm);
        Instant issued = Instant.ofEpochSecond(1700000000L, 999_000_000);
        TokenClaims claims = new TokenClaims("jti-\"1\"", "asg\\1", HOSTILE, "arena:\u00e9\u20ac\uD83D\uDE00",
                "srv\u0000\u001f\u007f", "\\u0041", "", issued, issued.plusSeconds(3600));
        JwsMatchTokens tokens = tokens(key, 1, "match\"plane\\", "g\u00e4me-server");
        String token;
        try {
            token = tokens.signAll(List.of(claims)).get(0);
        }
        finally {
            tokens.destroy();
        }

        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(new String(jwt.getHeader().getParsedBase64URL().decode(), StandardCharsets.UTF_8))
                .isEqualTo("{\"typ\":\"JWT\",\"kid\":\"" + key.kid() + "\",\"alg\":\"" + algorithm + "\"}");
        assertThat(jwt.getParsedParts()[1].decode()).isEqualTo(("{\"jti\":\"jti-\\\"1\\\"\","
                + "\"iss\":\"match\\\"plane\\\\\",\"aud\":\"g\u00e4me-server\",\"sub\":" + HOSTILE_JSON + ","
                + "\"iat\":1700000000,\"exp\":1700003600,\"assignmentId\":\"asg\\\\1\",\"playerId\":" + HOSTILE_JSON
                + ",\"landId\":\"arena:\u00e9\u20ac\uD83D\uDE00\",\"serverId\":\"srv\\u0000\\u001f\u007f\","
                + "\"ticketId\":\"\\\\u0041\",\"matchId\":\"\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(jwt.verify(new DefaultJWSVerifierFactory().createJWSVerifier(jwt.getHeader(), key.publicKey())))
                .isTrue();
        JWTClaimsSet read = jwt.getJWTClaimsSet();
        assertThat(read.getSubject()).isEqualTo(HOSTILE);
        assertThat(read.getStringClaim("playerId")).isEqualTo(HOSTILE);
        assertThat(read.getIssuer()).isEqualTo("match\"plane\\");
        assertThat(read.getAudience()).containsExactly("g\u00e4me-server");
        assertThat(read.getStringClaim("landId")).isEqualTo(claims.landId());
        assertThat(read.getStringClaim("serverId")).isEqualTo(claims.serverId());
        assertThat(read.getStringClaim("ticketId")).isEqualTo(claims.ticketId());
        assertThat(read.getStringClaim("matchId")).isEmpty();
        assertThat(read.getIssueTime()).isEqualTo(Date.from(Instant.ofEpochSecond(1700000000L)));
        assertThat(read.getExpirationTime()).isEqualTo(Date.from(Instant.ofEpochSecond(1700003600L)));
    }

    /** As jjwt did, a blank {@code jti} or {@code sub} is left out; other claims are written even when blank. */
    @Test
    void blankJtiAndSubjectAreLeftOutAsBefore() throws Exception {
        SigningKey key = generated(TokenAlgorithm.ES256);
        TokenClaims blank = new TokenClaims(" \t", "", "\u2003", "l", "s", "t", "m", Instant.ofEpochSecond(100),
                Instant.ofEpochSecond(101));

        SignedJWT jwt = SignedJWT.parse(signAll(key, 1, List.of(blank)).get(0));

        assertThat(new String(jwt.getParsedParts()[1].decode(), StandardCharsets.UTF_8)).isEqualTo("{\"iss\":"
                + "\"matchplane\",\"aud\":\"game-server\",\"iat\":100,\"exp\":101,\"assignmentId\":\"\","
                + "\"playerId\":\"\u2003\",\"landId\":\"l\",\"serverId\":\"s\",\"ticketId\":\"t\",\"matchId\":\"m\"}");
        assertThat(jwt.verify(new DefaultJWSVerifierFactory().createJWSVerifier(jwt.getHeader(), key.publicKey())))
                .isTrue();
    }

    /** An optional claim (a team, say) follows the standard ones and is read by a game server like any other. */
    @Test
    void optionalClaimsFollowTheStandardOnesAndVerify() throws Exception {
        SigningKey key = generated(TokenAlgorithm.RS256);
        TokenClaims claims = claims(1).with("team", "red").with("rank", 3);

        String token = signAll(key, 1, List.of(claims)).get(0);

        JWTClaimsSet verified = GameServer.verify(jwks(key), token, JWSAlgorithm.RS256);
        assertThat(verified.getStringClaim("team")).isEqualTo("red");
        assertThat(verified.getLongClaim("rank")).isEqualTo(3L);
        assertThat(new String(SignedJWT.parse(token).getParsedParts()[1].decode(), StandardCharsets.UTF_8))
                .startsWith("{\"jti\":\"jti-1\",")
                .endsWith(",\"matchId\":\"match-1\",\"team\":\"red\",\"rank\":3}");
    }

    @Test
    void optionalClaimCannotReplaceAStandardOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> claims(1).with("sub", "someone-else"))
                .withMessageContaining("'sub'");
        assertThat(claims(1).optional()).isEmpty();
    }

    /** JWS wants ES256 as R||S of 32 bytes each; RS256 (deterministic) is the very signature nimbus computes. */
    @ParameterizedTest
    @EnumSource(TokenAlgorithm.class)
    void signatureHasTheJwsForm(TokenAlgorithm algorithm) throws Exception {
        SigningKey key = generated(algorithm);

        SignedJWT jwt = SignedJWT.parse(signAll(key, 1, List.of(claims(3))).get(0));

        if (algorithm == TokenAlgorithm.ES256) {
            assertThat(jwt.getSignature().decode()).hasSize(64);
        }
        else {
            Base64URL expected = new RSASSASigner(key.privateKey()).sign(jwt.getHeader(), jwt.getSigningInput());
            assertThat(jwt.getSignature()).isEqualTo(expected);
        }
        assertThat(jwt.verify(new DefaultJWSVerifierFactory().createJWSVerifier(jwt.getHeader(), key.publicKey())))
                .isTrue();
    }

    /** Each signing thread keeps its signer; a new active key must be picked up, not the thread's old one. */
    @ParameterizedTest
    @EnumSource(TokenAlgorithm.class)
    void rotatedKeySignsTheNextTokens(TokenAlgorithm algorithm) throws Exception {
        SigningKey first = generated(algorithm);
        SigningKey second = generated(algorithm);
        RotatingKeys keys = new RotatingKeys(first);
        JwsMatchTokens tokens = new JwsMatchTokens(keys, properties(algorithm, 2, "matchplane", "game-server"));
        try {
            List<TokenClaims> claims = IntStream.range(0, 20).mapToObj(JwsMatchTokensTests::claims).toList();
            List<String> before = tokens.signAll(claims);
            keys.active = second;
            List<String> after = tokens.signAll(claims);

            for (int i = 0; i < claims.size(); i++) {
                GameServer.verify(jwks(first), before.get(i), JWSAlgorithm.parse(algorithm.name()));
                GameServer.verify(jwks(second), after.get(i), JWSAlgorithm.parse(algorithm.name()));
                assertThat(SignedJWT.parse(after.get(i)).getHeader().getKeyID()).isEqualTo(second.kid());
            }
        }
        finally {
            tokens.destroy();
        }
    }

    @ParameterizedTest
    @EnumSource(TokenAlgorithm.class)
    void smallAndOddSizedListsKeepTheirOrder(TokenAlgorithm algorithm) throws Exception {
        SigningKey key = generated(algorithm);
        for (int size : new int[] { 0, 1, 7, 8, 9, 13 }) {
            List<TokenClaims> claims = IntStream.range(0, size).mapToObj(JwsMatchTokensTests::claims).toList();

            List<String> tokens = signAll(key, 4, claims);

            assertThat(tokens).hasSize(size);
            for (int i = 0; i < size; i++) {
                assertThat(SignedJWT.parse(tokens.get(i)).getJWTClaimsSet().getJWTID()).isEqualTo("jti-" + i);
            }
        }
    }

    /** Lists started one after another each keep their own order, and every token verifies. */
    @ParameterizedTest
    @EnumSource(TokenAlgorithm.class)
    void listsSignedAsynchronouslyBackToBackKeepTheirOrderAndEachVerifies(TokenAlgorithm algorithm) throws Exception {
        SigningKey key = generated(algorithm);
        JwsMatchTokens tokens = tokens(key, 2, "matchplane", "game-server");
        try {
            List<List<TokenClaims>> lists = List.of(claimsFrom(0, 1), claimsFrom(1, 9), claimsFrom(10, 40));
            List<CompletableFuture<List<String>>> started = lists.stream()
                    .map(list -> tokens.signAllAsync(list, Runnable::run)).toList();

            String jwks = jwks(key);
            for (int l = 0; l < lists.size(); l++) {
                List<String> signed = started.get(l).get(30, TimeUnit.SECONDS);
                assertThat(signed).hasSize(lists.get(l).size());
                for (int i = 0; i < signed.size(); i++) {
                    JWTClaimsSet verified = GameServer.verify(jwks, signed.get(i),
                            JWSAlgorithm.parse(algorithm.name()));
                    assertThat(verified.getJWTID()).isEqualTo(lists.get(l).get(i).jti());
                }
            }
            assertThat(tokens.signAllAsync(List.of(), Runnable::run).get()).isEmpty();
        }
        finally {
            tokens.destroy();
        }
    }

    @ParameterizedTest
    @EnumSource(TokenAlgorithm.class)
    void expiredTokenIsRejectedByTheGameServer(TokenAlgorithm algorithm) {
        SigningKey key = generated(algorithm);
        TokenClaims expired = new TokenClaims("jti", "a", "p", "arena:l", "s", "t", "m",
                NOW.minusSeconds(7200), NOW.minusSeconds(3600));

        String token = signAll(key, 1, List.of(expired)).get(0);

        assertThatThrownBy(() -> GameServer.verify(jwks(key), token, JWSAlgorithm.parse(algorithm.name())))
                .hasMessageContaining("Expired");
    }

    private static List<TokenClaims> claimsFrom(int first, int count) {
        return IntStream.range(first, first + count).mapToObj(JwsMatchTokensTests::claims).toList();
    }

    private static List<String> signAll(SigningKey key, int threads, List<TokenClaims> claims) {
        JwsMatchTokens tokens = tokens(key, threads, "matchplane", "game-server");
        try {
            return tokens.signAll(claims);
        }
        finally {
            tokens.destroy();
        }
    }

    private static JwsMatchTokens tokens(SigningKey key, int threads, String issuer, String audience) {
        return new JwsMatchTokens(new FixedKeys(key), properties(key.algorithm(), threads, issuer, audience));
    }

    private static TokenProperties properties(TokenAlgorithm algorithm, int threads, String issuer, String audience) {
        return new TokenProperties(algorithm, issuer, audience, null, null, threads, Duration.ofHours(1));
    }

    static SigningKey generated(TokenAlgorithm algorithm) {
        var pair = algorithm.generate();
        return SigningKey.of(algorithm, pair.getPrivate(), pair.getPublic());
    }

    private static String jwks(SigningKey key) throws Exception {
        String json = JsonMapper.builder().build()
                .writeValueAsString(Map.of("keys", List.of(key.published().jwk())));
        JWKSet.parse(json);
        return json;
    }

    private static TokenClaims claims(int i) {
        return new TokenClaims("jti-" + i, "assignment-" + i, "player-" + i, "arena:land-" + i, "server-" + i,
                "ticket-" + i, "match-" + i, NOW, NOW.plusSeconds(3600));
    }

    private static final class RotatingKeys implements SigningKeys {

        private volatile SigningKey active;

        RotatingKeys(SigningKey active) {
            this.active = active;
        }

        @Override
        public SigningKey active() {
            return active;
        }

        @Override
        public List<PublishedKey> published() {
            return List.of(active.published());
        }
    }

    private record FixedKeys(SigningKey key) implements SigningKeys {

        @Override
        public SigningKey active() {
            return key;
        }

        @Override
        public List<PublishedKey> published() {
            return List.of(key.published());
        }
    }
}
