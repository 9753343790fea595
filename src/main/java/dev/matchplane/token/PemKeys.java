package dev.matchplane.token;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

import io.jsonwebtoken.security.Jwks;

/**
 * Reads PKCS#8 private keys (PEM text or DER) into signing keys. Error messages never quote the key: they end up in
 * startup failure logs.
 */
final class PemKeys {

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private PemKeys() {
    }

    /** A PKCS#8 PEM as found in a file or an environment variable (where newlines may be written as {@code \n}). */
    static SigningKey fromPem(String pem, TokenAlgorithm algorithm) {
        String text = pem.replace("\\n", "\n").replace("\\r", "").trim();
        if (text.contains("BEGIN RSA PRIVATE KEY") || text.contains("BEGIN EC PRIVATE KEY")) {
            throw new IllegalArgumentException("the token signing key is PKCS#1/SEC1; convert it to PKCS#8 with "
                    + "'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem'");
        }
        if (text.contains("ENCRYPTED PRIVATE KEY")) {
            throw new IllegalArgumentException("the token signing key is encrypted; provide an unencrypted PKCS#8 PEM");
        }
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("the token signing key is not a PKCS#8 PEM ('" + BEGIN + "')");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end));
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("the token signing key PEM is not valid base64");
        }
        return fromPkcs8(der, algorithm);
    }

    /** A PKCS#8 DER key that must fit {@code algorithm}; its public key is derived from it. */
    static SigningKey fromPkcs8(byte[] der, TokenAlgorithm algorithm) {
        PrivateKey privateKey;
        try {
            privateKey = KeyFactory.getInstance(algorithm.keyType()).generatePrivate(new PKCS8EncodedKeySpec(der));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalArgumentException("the token signing key is not a PKCS#8 " + algorithm.keyType()
                    + " private key, as " + algorithm + " needs");
        }
        algorithm.requireFits(privateKey);
        return SigningKey.of(algorithm, privateKey, derivePublic(privateKey));
    }

    /** RSA: modulus and exponent are in the CRT key. EC: jjwt multiplies the curve generator by the secret. */
    private static PublicKey derivePublic(PrivateKey key) {
        if (key instanceof RSAPrivateCrtKey rsa) {
            try {
                return KeyFactory.getInstance("RSA")
                        .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            }
            catch (GeneralSecurityException ex) {
                throw new IllegalStateException("cannot derive the RSA public key", ex);
            }
        }
        if (key instanceof ECPrivateKey ec) {
            return Jwks.builder().key(ec).build().toPublicJwk().toKey();
        }
        throw new IllegalArgumentException("the token signing key must carry its public part (RSA CRT or EC)");
    }
}
