package dev.matchplane.token;

import java.security.KeyPair;
import java.util.Base64;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

/**
 * Verifies match tokens the way a game server would: with nimbus-jose-jwt (independent of our signing code), against
 * a JWKS document, requiring our issuer, audience and claims, and rejecting expired tokens.
 */
final class GameServer {

    static final Set<String> REQUIRED_CLAIMS = Set.of("assignmentId", "playerId", "landId", "jti", "iat", "exp",
            "iss", "aud", "sub", "serverId", "ticketId", "matchId");

    private GameServer() {
    }

    static JWTClaimsSet verify(String jwksJson, String token, JWSAlgorithm algorithm) throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(
                new JWSVerificationKeySelector<>(algorithm, new ImmutableJWKSet<>(JWKSet.parse(jwksJson))));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>("game-server",
                new JWTClaimsSet.Builder().issuer("matchplane").build(), REQUIRED_CLAIMS));
        return processor.process(token, null);
    }

    /** A PKCS#8 PEM as an operator would configure it. */
    static String pem(KeyPair pair) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }
}
