package dev.matchplane.player;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Player tokens as a studio would issue them, signed with Nimbus (independent of the service's own code). */
final class PlayerTokens {

    static final String AUDIENCE = "matchplane-players";

    private PlayerTokens() {
    }

    static RSAKey newRsaKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("kid-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE).generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static JWTClaimsSet claims(String player, String audience, Duration validFor) {
        Instant now = Instant.now();
        Instant expiry = now.plus(validFor);
        Instant issued = validFor.isNegative() ? expiry.minus(Duration.ofMinutes(5)) : now;
        return new JWTClaimsSet.Builder().subject(player).audience(audience).issueTime(Date.from(issued))
                .expirationTime(Date.from(expiry)).jwtID(UUID.randomUUID().toString()).build();
    }

    static String rs256(RSAKey key, JWTClaimsSet claims) {
        return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                claims, rsaSigner(key));
    }

    static String hs256(byte[] secret, JWTClaimsSet claims) {
        try {
            return sign(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims,
                    new MACSigner(secret));
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String hs256(String secret, JWTClaimsSet claims) {
        return hs256(secret.getBytes(StandardCharsets.UTF_8), claims);
    }

    private static JWSSigner rsaSigner(RSAKey key) {
        try {
            return new RSASSASigner(key);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
        return jwt.serialize();
    }
}
