package dev.matchplane.token;

import java.security.PrivateKey;
import java.security.PublicKey;

/** The key tokens are signed with; {@code kid} is its RFC 7638 thumbprint. */
record SigningKey(TokenAlgorithm algorithm, String kid, PrivateKey privateKey, PublicKey publicKey) {

    static SigningKey of(TokenAlgorithm algorithm, PrivateKey privateKey, PublicKey publicKey) {
        return new SigningKey(algorithm, JsonWebKeys.thumbprint(publicKey), privateKey, publicKey);
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
