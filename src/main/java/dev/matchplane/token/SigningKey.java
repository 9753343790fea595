package dev.matchplane.token;

import java.security.PrivateKey;
import java.security.PublicKey;

import io.jsonwebtoken.security.Jwks;

/** The key tokens are signed with; {@code kid} is its RFC 7638 thumbprint. */
record SigningKey(TokenAlgorithm algorithm, String kid, PrivateKey privateKey, PublicKey publicKey) {

    static SigningKey of(TokenAlgorithm algorithm, PrivateKey privateKey, PublicKey publicKey) {
        return new SigningKey(algorithm, thumbprint(publicKey), privateKey, publicKey);
    }

    /**
     * RFC 7638: base64url SHA-256 of the key's required JWK members. The kid depends on the key alone, so every
     * instance, and every restart, names a key shared through Redis or configuration the same.
     */
    static String thumbprint(PublicKey publicKey) {
        return Jwks.builder().key(publicKey).build().thumbprint().toString();
    }

    PublishedKey published() {
        return new PublishedKey(algorithm, kid, publicKey);
    }

    /** Records print every component; this one must never print the private key. */
    @Override
    public String toString() {
        return "SigningKey[algorithm=" + algorithm + ", kid=" + kid + "]";
    }
}
