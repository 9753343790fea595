package dev.matchplane.token;

import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.Jwks;

/** A public key listed in the JWKS so game servers can verify tokens it signed. */
record PublishedKey(TokenAlgorithm algorithm, String kid, PublicKey publicKey) {

    /** The members a JWKS entry has, in the order it has always listed them. */
    private static final List<String> MEMBERS = List.of("kty", "crv", "x", "y", "e", "n", "kid", "alg", "use");

    /** The key's JWKS entry (RFC 7517/7518): its required members, {@code kid}, {@code alg} and {@code use}. */
    Map<String, Object> jwk() {
        Jwk<?> jwk = Jwks.builder().key(publicKey).id(kid).algorithm(algorithm.name()).publicKeyUse("sig").build();
        Map<String, Object> ordered = new LinkedHashMap<>();
        MEMBERS.stream().filter(jwk::containsKey).forEach(name -> ordered.put(name, jwk.get(name)));
        return ordered;
    }
}
