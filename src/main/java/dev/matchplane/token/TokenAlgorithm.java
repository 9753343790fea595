package dev.matchplane.token;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.SignatureAlgorithm;

/** The JWS algorithms a match token may be signed with, and the key each one needs. */
enum TokenAlgorithm {

    /** RSASSA-PKCS1-v1_5 with SHA-256 on an RSA key of 2048 bits or more (compat default). */
    RS256("RSA", Jwts.SIG.RS256),
    /** ECDSA with SHA-256 on the P-256 curve: smaller tokens, faster signing. */
    ES256("EC", Jwts.SIG.ES256);

    private static final int RSA_BITS = 2048;
    private static final ECParameterSpec P256 = p256();

    private final String keyType;
    private final SignatureAlgorithm jws;

    TokenAlgorithm(String keyType, SignatureAlgorithm jws) {
        this.keyType = keyType;
        this.jws = jws;
    }

    /** JCA key algorithm and JWK {@code kty}: {@code RSA} or {@code EC}. */
    String keyType() {
        return keyType;
    }

    /** jjwt's implementation of this JWS algorithm. */
    SignatureAlgorithm jws() {
        return jws;
    }

    KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(keyType);
            if (this == RS256) {
                generator.initialize(new RSAKeyGenParameterSpec(RSA_BITS, RSAKeyGenParameterSpec.F4));
            }
            else {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            }
            return generator.generateKeyPair();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("cannot generate a " + name() + " key", ex);
        }
    }

    /** Whether the key fits this algorithm; the reason is for an operator who configured the wrong key. */
    void requireFits(java.security.Key key) {
        if (this == RS256) {
            if (!(key instanceof RSAKey rsa) || rsa.getModulus().bitLength() < RSA_BITS) {
                throw new IllegalArgumentException("RS256 needs an RSA key of at least " + RSA_BITS + " bits");
            }
        }
        else if (!(key instanceof ECKey ec) || !isP256(ec.getParams())) {
            throw new IllegalArgumentException("ES256 needs an EC key on the P-256 curve (secp256r1)");
        }
    }

    private static boolean isP256(ECParameterSpec params) {
        return params.getOrder().equals(P256.getOrder()) && params.getCurve().equals(P256.getCurve())
                && params.getGenerator().equals(P256.getGenerator());
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("this JVM lacks the P-256 curve", ex);
        }
    }
}
