package dev.matchplane.ticket;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The assignment a status answer carries, for the OpenAPI document only: the answer passes the stored JSON through
 * unchanged (the matching tick writes it once), so this record is never built.
 */
@Schema(name = "Assignment", description = "Where and how to join the match; never changes once set")
record AssignmentView(
        @Schema(description = "Unique, unguessable; also the token's `jti`", example = "asg-Jx1v0pQeR3m8Z2yWcT5uKg")
        String assignmentId,
        @Schema(description = "RS256 (or ES256) JWT for the ticket's first member", example = "eyJhbGciOiJSUzI1NiIs…")
        String matchToken,
        @Schema(description = "`<scheme>://<host>:<port>/game/<landType>?landId=<landId>`; clients append "
                + "`&token=<matchToken>`", example = "ws://10.0.0.5:7777/game/ranked?landId=ranked:6f1c2d4e")
        String connectUrl,
        @Schema(description = "`<landType>:<uuid>`, the same for every ticket of one match",
                example = "ranked:6f1c2d4e-8a9b-4c3d-9e1f-0a2b3c4d5e6f")
        String landId,
        @Schema(description = "The chosen game server", example = "gs-1") String serverId,
        @Schema(description = "Allocation time + assignment TTL", format = "date-time",
                example = "2026-11-26T21:00:03.250Z")
        String expiresAt,
        @Schema(description = "Shared by all tickets of a match", example = "match-Qm4cV7nB2xL9sD1fH6jK0w")
        String matchId,
        @Schema(description = "One token per member, by player id; `matchToken` equals the first member's")
        Map<String, String> memberTokens,
        @Schema(description = "Only under a rule set: the ticket's team (also the tokens' `team` claim)",
                example = "red")
        String team,
        @Schema(description = "Only under a rule set: the region a latency rule chose, else the server's region",
                example = "eu-west")
        String region,
        @Schema(description = "Only under a rule set with equals or intersect rules: the values they agreed on",
                example = "{\"mode\": \"ctf\", \"maps\": \"dust\"}")
        Map<String, Object> matchAttributes) {
}
