package dev.matchplane.token;

import java.security.PublicKey;

/** A public key listed in the JWKS so game servers can verify tokens it signed. */
record PublishedKey(TokenAlgorithm algorithm, String kid, PublicKey publicKey) {
}
