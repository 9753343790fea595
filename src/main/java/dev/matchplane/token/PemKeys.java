package dev.matchplane.token;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;

import io.jsonwebtoken.security.Jwks;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ssl.pem.PemContent;

/**
 * Reads private keys (PEM text or PKCS#8 DER) into signing keys. Error messages never quote the key, and never
 * carry the parser's exception: they end up in startup failure logs.
 */
final class PemKeys {

    private PemKeys() {
    }

    /**
     * A PEM as found in a file or an environment variable (where newlines may be written as {@code \n}): PKCS#8,
     * or PKCS#1 (RSA) / SEC1 (EC), read by Spring Boot's PEM support.
     */
    static SigningKey fromPem(String pem, TokenAlgorithm algorithm) {
        String text = pem.replace("\\n", "\n").replace("\\r", "").trim();
        if (text.contains("ENCRYPTED PRIVATE KEY")) {
            throw new IllegalArgumentException("the token signing key is encrypted; provide an unencrypted PEM");
        }
        PrivateKey privateKey = parse(text);
        if (privateKey == null) {
            throw new IllegalArgumentException("the token signing key is not a PEM private key "
                    + "('-----BEGIN PRIVATE KEY-----', PKCS#8; or PKCS#1 RSA / SEC1 EC)");
        }
        return of(privateKey, algorithm);
    }

    /** A PKCS#8 DER key (as stored in Redis) that must fit {@code algorithm}. */
    static SigningKey fromPkcs8(byte[] der, TokenAlgorithm algorithm) {
        PrivateKey privateKey;
        try {
            privateKey = KeyFactory.getInstance(algorithm.keyType()).generatePrivate(new PKCS8EncodedKeySpec(der));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalArgumentException("the token signing key is not a PKCS#8 " + algorithm.keyType()
                    + " private key, as " + algorithm + " needs");
        }
        return of(privateKey, algorithm);
    }

    private static @Nullable PrivateKey parse(String text) {
        try {
            PemContent content = PemContent.of(text);
            return content != null ? content.getPrivateKey() : null;
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    /** jjwt derives the public key: from the CRT parameters of an RSA key, as d·G for an EC key. */
    private static SigningKey of(PrivateKey privateKey, TokenAlgorithm algorithm) {
        algorithm.requireFits(privateKey);
        PublicKey publicKey;
        try {
            publicKey = Jwks.builder().key(privateKey).build().toPublicJwk().toKey();
        }
        catch (RuntimeException ex) {
            throw new IllegalArgumentException("the token signing key must carry its public part (RSA CRT or EC)");
        }
        return SigningKey.of(algorithm, privateKey, publicKey);
    }
}
