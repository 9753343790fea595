package dev.matchplane.player;

import java.util.Collection;

import org.jspecify.annotations.Nullable;

/**
 * Who a game-client call acts for: {@link #TRUSTED} when player authentication is off (the caller may name any
 * player), else the player its token proved.
 *
 * @param playerId the verified player, null for {@link #TRUSTED}
 */
public record Caller(@Nullable String playerId) {

    /** Player authentication is off: every call may act for any player, as the earlier system allowed. */
    public static final Caller TRUSTED = new Caller(null);

    public static Caller player(String playerId) {
        if (playerId.isEmpty()) {
            throw new IllegalArgumentException("A verified player id is never empty");
        }
        return new Caller(playerId);
    }

    /** @return true when this caller may act on a ticket (or party) with these members */
    public boolean mayActFor(Collection<String> members) {
        return playerId == null || members.contains(playerId);
    }
}
