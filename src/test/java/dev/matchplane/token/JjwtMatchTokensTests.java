package dev.matchplane.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

class JjwtMatchTokensTests {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @ParameterizedTest
    @EnumSource(TokenAlgorithm.class)
    void signAllOfHundredClaimsKeepsTheirOrderAndEachVerifies(TokenAlgorithm algorithm) throws Exception {
        SigningKey key = generated(algorithm);
        List<TokenClaims> claims = IntStream.range(0, 100).mapToObj(JjwtMatchTokensTests::claims).toList();

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

    @ParameterizedTest
    @EnumSource(TokenAlgorithm.class)
    void smallAndOddSizedListsKeepTheirOrder(TokenAlgorithm algorithm) throws Exception {
        SigningKey key = generated(algorithm);
        for (int size : new int[] { 0, 1, 7, 8, 9, 13 }) {
            List<TokenClaims> claims = IntStream.range(0, size).mapToObj(JjwtMatchTokensTests::claims).toList();

            List<String> tokens = signAll(key, 4, claims);

            assertThat(tokens).hasSize(size);
            for (int i = 0; i < size; i++) {
                assertThat(SignedJWT.parse(tokens.get(i)).getJWTClaimsSet().getJWTID()).isEqualTo("jti-" + i);
            }
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

    private static List<String> signAll(SigningKey key, int threads, List<TokenClaims> claims) {
        JjwtMatchTokens tokens = new JjwtMatchTokens(new FixedKeys(key),
                new TokenProperties(key.algorithm(), "matchplane", "game-server", null, null, threads, java.time.Duration.ofHours(1)));
        try {
            return tokens.signAll(claims);
        }
        finally {
            tokens.destroy();
        }
    }

    static SigningKey generated(TokenAlgorithm algorithm) {
        var pair = algorithm.generate();
        return SigningKey.of(algorithm, pair.getPrivate(), pair.getPublic());
    }

    private static String jwks(SigningKey key) throws Exception {
        String json = JsonMapper.builder().build()
                .writeValueAsString(Map.of("keys", List.of(JsonWebKeys.publicJwk(key.published()))));
        JWKSet.parse(json);
        return json;
    }

    private static TokenClaims claims(int i) {
        return new TokenClaims("jti-" + i, "assignment-" + i, "player-" + i, "arena:land-" + i, "server-" + i,
                "ticket-" + i, "match-" + i, NOW, NOW.plusSeconds(3600));
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
