package dev.matchplane.ticket;

import static dev.matchplane.system.ApiDocs.object;
import static dev.matchplane.system.ApiDocs.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.media.Schema;

/** Example bodies and the assignment schema of the game-client API's OpenAPI document. */
final class TicketExamples {

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6Ims…";

    private static final String LAND_ID = "ranked:6f1c2d4e-8a9b-4c3d-9e1f-0a2b3c4d5e6f";

    private TicketExamples() {
    }

    static Map<String, Object> enqueueRequest() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("queueKey", "ranked:2v2");
        body.put("groupId", "party-42");
        body.put("members", List.of("alice", "bob"));
        body.put("groupSize", 2);
        body.put("region", "eu-west");
        body.put("constraints", Map.of("mode", "casual"));
        return body;
    }

    static Map<String, Object> assignedStatus() {
        Map<String, Object> assignment = new LinkedHashMap<>();
        assignment.put("assignmentId", "asg-Jx1v0pQeR3m8Z2yWcT5uKg");
        assignment.put("matchToken", TOKEN);
        assignment.put("connectUrl", "ws://10.0.0.5:7777/game/ranked?landId=" + LAND_ID);
        assignment.put("landId", LAND_ID);
        assignment.put("serverId", "gs-1");
        assignment.put("expiresAt", "2026-11-26T21:00:03.250Z");
        assignment.put("matchId", "match-Qm4cV7nB2xL9sD1fH6jK0w");
        assignment.put("memberTokens", Map.of("alice", TOKEN, "bob", TOKEN));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ticketId", "ticket-7Hq2vYc1Xo9kRr3TfA0bLw");
        body.put("status", "assigned");
        body.put("queueKey", "ranked:2v2");
        body.put("groupId", "party-42");
        body.put("createdAt", "2026-11-26T20:00:00.000Z");
        body.put("assignment", assignment);
        return body;
    }

    static Schema<Object> assignmentSchema() {
        Map<String, Schema<?>> p = new LinkedHashMap<>();
        p.put("assignmentId", schema("string").description("Unique, unguessable; also the token's `jti`"));
        p.put("matchToken", schema("string").description("RS256 (or ES256) JWT for the ticket's first member"));
        p.put("connectUrl", schema("string").description("`<scheme>://<host>:<port>/game/<landType>?landId=<landId>`;"
                + " clients append `&token=<matchToken>`"));
        p.put("landId", schema("string").description("`<landType>:<uuid>`, the same for every ticket of one match"));
        p.put("serverId", schema("string").description("The chosen game server"));
        p.put("expiresAt", schema("string").format("date-time").description("Allocation time + assignment TTL"));
        p.put("matchId", schema("string").description("Shared by all tickets of a match"));
        p.put("memberTokens", schema("object").additionalProperties(schema("string"))
                .description("One token per member, by player id; `matchToken` equals the first member's"));
        return object("Where and how to join the match; never changes once set", p, "assignmentId", "matchToken",
                "connectUrl", "landId", "serverId", "expiresAt", "matchId", "memberTokens");
    }
}
