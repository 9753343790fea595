package dev.matchplane.token;

import java.time.Instant;
import java.util.Objects;

/**
 * What one match token says (CONTRACT §5). {@code sub} is the player id; {@code iss} and {@code aud} come from
 * {@code token.*}; {@code iat} and {@code exp} are written in whole seconds.
 *
 * @param jti          unique per token; equals {@code assignmentId} for a ticket's {@code matchToken}
 * @param assignmentId the assignment the token admits its player to
 * @param playerId     the player the token is for
 * @param landId       {@code <landType>:<uuid>}, the same for every token of one match
 * @param serverId     the game server that hosts the land
 * @param ticketId     the ticket the player was matched with
 * @param matchId      shared by every ticket of one match
 * @param issuedAt     the {@code iat} claim
 * @param expiresAt    the {@code exp} claim (= assignment expiry)
 */
public record TokenClaims(String jti, String assignmentId, String playerId, String landId, String serverId,
        String ticketId, String matchId, Instant issuedAt, Instant expiresAt) {

    public TokenClaims {
        Objects.requireNonNull(jti, "jti");
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(playerId, "playerId");
        Objects.requireNonNull(landId, "landId");
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(matchId, "matchId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a token must expire after it is issued");
        }
    }
}
