/**
 * Match tokens (JWTs a game server verifies) and the JWKS that publishes their keys (CONTRACT §5). Tokens and JWKs
 * are written by hand on the JDK's own cryptography; tests verify them with an independent JOSE library.
 */
@NullMarked
package dev.matchplane.token;

import org.jspecify.annotations.NullMarked;
