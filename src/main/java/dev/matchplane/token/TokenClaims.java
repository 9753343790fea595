package dev.matchplane.token;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one match token says (docs/game-server-integration.md). {@code sub} is the player id; {@code iss} and
 * {@code aud} come from {@code token.*}; {@code iat} and {@code exp} are written in whole seconds.
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
 * @param optional     claims only some tokens carry, written after the others in this order (JSON strings, numbers
 *                     or booleans); none may reuse the name of a claim above
 */
public record TokenClaims(String jti, String assignmentId, String playerId, String landId, String serverId,
        String ticketId, String matchId, Instant issuedAt, Instant expiresAt, Map<String, Object> optional) {

    /** The claims every token has; an optional claim must not shadow one. */
    static final Set<String> ALWAYS = Set.of("jti", "iss", "aud", "sub", "iat", "exp", "nbf", "assignmentId",
            "playerId", "landId", "serverId", "ticketId", "matchId");

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
        optional.forEach((name, value) -> {
            Objects.requireNonNull(value, name);
            if (ALWAYS.contains(name)) {
                throw new IllegalArgumentException("optional claim '" + name + "' would replace a standard one");
            }
        });
        optional = optional.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(optional));
    }

    /** The claims of every token, without optional ones. */
    public TokenClaims(String jti, String assignmentId, String playerId, String landId, String serverId,
            String ticketId, String matchId, Instant issuedAt, Instant expiresAt) {
        this(jti, assignmentId, playerId, landId, serverId, ticketId, matchId, issuedAt, expiresAt, Map.of());
    }

    /** These claims and one optional claim more (or with a new value). */
    public TokenClaims with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(optional);
        more.put(name, value);
        return new TokenClaims(jti, assignmentId, playerId, landId, serverId, ticketId, matchId, issuedAt, expiresAt,
                more);
    }
}
