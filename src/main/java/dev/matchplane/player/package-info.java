/**
 * Who is calling the game-client API. Off by default: the service trusts the player ids it is given. With
 * {@code matchmaking.player-auth.mode=jwt} every enqueue, cancel, status and {@code /realtime} call carries a player
 * token, verified by Spring Security's OAuth2 resource server; the verified player reaches the ticket operations as
 * a {@link dev.matchplane.player.Caller}.
 */
@NullMarked
package dev.matchplane.player;

import org.jspecify.annotations.NullMarked;
