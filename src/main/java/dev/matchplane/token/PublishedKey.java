package dev.matchplane.token;

import java.security.PublicKey;
import java.util.Map;

import io.jsonwebtoken.security.Jwks;

/** A public key listed in the JWKS so game servers can verify tokens it signed. */
record PublishedKey(TokenAlgorithm algorithm, String kid, PublicKey publicKey) {

    /** The key's JWKS entry (RFC 7517/7518): its required members, {@code kid}, {@code alg} and {@code use}. */
    Map<String, ?> jwk() {
        return Jwks.builder().key(publicKey).id(kid).algorithm(algorithm.name()).publicKeyUse("sig").build();
    }
}
