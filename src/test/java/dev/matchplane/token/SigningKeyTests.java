package dev.matchplane.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Map;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The kid (RFC 7638 thumbprint) and the JWKS entry of a key, checked against the RFC and nimbus. */
class SigningKeyTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** RFC 7638 §3.1. */
    private static final String RFC_N = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxu"
            + "hDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2"
            + "QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2"
            + "NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
    private static final String RFC_E = "AQAB";

    @Test
    void thumbprintOfRfc7638ExampleKeyIsTheRfcValue() throws Exception {
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(RFC_N)),
                new BigInteger(1, Base64.getUrlDecoder().decode(RFC_E))));

        assertThat(SigningKey.thumbprint(key)).isEqualTo("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
    }

    @Test
    void rsaJwkHasUnsignedModulusAndMatchesAnIndependentThumbprint() throws Exception {
        RSAPublicKey key = (RSAPublicKey) TokenAlgorithm.RS256.generate().getPublic();
        String kid = SigningKey.thumbprint(key);

        Map<String, Object> jwk = served(new PublishedKey(TokenAlgorithm.RS256, kid, key));

        assertThat(jwk.keySet()).as("the members in the order the JWKS always had")
                .containsExactly("kty", "e", "n", "kid", "alg", "use");
        assertThat(jwk).containsEntry("kty", "RSA").containsEntry("e", "AQAB").containsEntry("kid", kid)
                .containsEntry("alg", "RS256").containsEntry("use", "sig");
        assertThat(Base64.getUrlDecoder().decode((String) jwk.get("n"))).hasSize(256);
        assertThat((String) jwk.get("n")).doesNotContain("=");
        RSAKey parsed = (RSAKey) JWK.parse(Map.copyOf(jwk));
        assertThat(parsed.toRSAPublicKey()).isEqualTo(key);
        assertThat(parsed.computeThumbprint().toString()).isEqualTo(kid);
    }

    @Test
    void ecJwkHasFullSizeCoordinatesAndMatchesAnIndependentThumbprint() throws Exception {
        for (int i = 0; i < 20; i++) {
            ECPublicKey key = (ECPublicKey) TokenAlgorithm.ES256.generate().getPublic();
            String kid = SigningKey.thumbprint(key);

            Map<String, Object> jwk = served(new PublishedKey(TokenAlgorithm.ES256, kid, key));

            assertThat(jwk.keySet()).containsExactly("kty", "crv", "x", "y", "kid", "alg", "use");
            assertThat(jwk).containsEntry("kty", "EC").containsEntry("crv", "P-256").containsEntry("alg", "ES256");
            assertThat(Base64.getUrlDecoder().decode((String) jwk.get("x"))).hasSize(32);
            assertThat(Base64.getUrlDecoder().decode((String) jwk.get("y"))).hasSize(32);
            ECKey parsed = (ECKey) JWK.parse(Map.copyOf(jwk));
            assertThat(parsed.toECPublicKey().getW()).isEqualTo(key.getW());
            assertThat(parsed.computeThumbprint().toString()).isEqualTo(kid);
        }
    }

    /** The entry as the JWKS endpoint writes it: Boot's JSON mapper serializes jjwt's JWK map. */
    private static Map<String, Object> served(PublishedKey key) {
        return JSON.readValue(JSON.writeValueAsString(key.jwk()), new TypeReference<Map<String, Object>>() {
        });
    }
}
