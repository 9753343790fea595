package dev.matchplane.player;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The issuer settings, decoder by decoder (the HTTP paths are covered with a JWK set URI and a secret by the
 * integration tests): discovery through the issuer, {@code iss} checked, and a start that does not need the issuer.
 */
class PlayerTokenDecodersTests {

    private static final TestJwksServer STUDIO = new TestJwksServer();
    private static final RSAKey KEY = PlayerTokens.newRsaKey();
    private static final Duration VALID = Duration.ofMinutes(10);

    static {
        STUDIO.publish(KEY);
    }

    @AfterAll
    static void stop() {
        STUDIO.close();
    }

    @Test
    void anIssuerAloneFindsItsKeysByDiscoveryAndChecksIss() {
        JwtDecoder decoder = PlayerTokenDecoders.create(settings(null, STUDIO.issuer()));
        assertThat(decoder.decode(token(STUDIO.issuer())).getSubject()).isEqualTo("alice");
        assertThatThrownBy(() -> decoder.decode(token("https://someone-else.example")))
                .isInstanceOf(BadJwtException.class);
    }

    @Test
    void aKeySetWithAnIssuerChecksIss() {
        JwtDecoder decoder = PlayerTokenDecoders.create(settings(URI.create(STUDIO.uri()), STUDIO.issuer()));
        assertThat(decoder.decode(token(STUDIO.issuer())).getSubject()).isEqualTo("alice");
        assertThatThrownBy(() -> decoder.decode(token("https://someone-else.example")))
                .isInstanceOf(BadJwtException.class);
    }

    @Test
    void anUnreachableIssuerDoesNotStopTheStartAndRefusesTokens() {
        JwtDecoder decoder = PlayerTokenDecoders.create(settings(null, "http://127.0.0.1:1/nobody"));
        assertThatThrownBy(() -> decoder.decode(token("http://127.0.0.1:1/nobody")))
                .as("a JwtException becomes a 401 in the security chain").isInstanceOf(JwtException.class);
    }

    @Test
    void aTokenWithoutThePlayerClaimIsRefused() {
        JwtDecoder decoder = PlayerTokenDecoders.create(settings(URI.create(STUDIO.uri()), null));
        JWTClaimsSet noSubject = new JWTClaimsSet.Builder(PlayerTokens.claims("alice", PlayerTokens.AUDIENCE, VALID))
                .subject(null).build();
        assertThatThrownBy(() -> decoder.decode(PlayerTokens.rs256(KEY, noSubject)))
                .isInstanceOf(BadJwtException.class);
    }

    private static PlayerAuthProperties settings(URI jwkSetUri, String issuer) {
        return new PlayerAuthProperties(PlayerAuthProperties.Mode.JWT, jwkSetUri, issuer, "", "", "sub",
                Duration.ofMinutes(5));
    }

    private static String token(String issuer) {
        return PlayerTokens.rs256(KEY, new JWTClaimsSet.Builder(PlayerTokens.claims("alice", PlayerTokens.AUDIENCE,
                VALID)).issuer(issuer).build());
    }
}
