/**
 * Match tokens (JWTs a game server verifies) and the JWKS that publishes their keys (CONTRACT §5).
 * jjwt is used only inside this package.
 */
@NullMarked
package dev.matchplane.token;

import org.jspecify.annotations.NullMarked;
