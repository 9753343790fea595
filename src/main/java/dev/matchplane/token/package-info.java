/**
 * Match tokens (JWTs a game server verifies) and the JWKS that publishes their keys, built and signed with jjwt on
 * the JDK's own cryptography; tests verify them with an independent JOSE library (nimbus).
 */
@NullMarked
package dev.matchplane.token;

import org.jspecify.annotations.NullMarked;
