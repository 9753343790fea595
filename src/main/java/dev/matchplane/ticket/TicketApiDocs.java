package dev.matchplane.ticket;

import static dev.matchplane.system.ApiDocs.anchored;
import static dev.matchplane.system.ApiDocs.integer;
import static dev.matchplane.system.ApiDocs.object;
import static dev.matchplane.system.ApiDocs.ref;
import static dev.matchplane.system.ApiDocs.schema;
import static dev.matchplane.system.ApiDocs.string;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.matchplane.matching.MatchmakingProperties;
import dev.matchplane.system.ApiDocs;
import dev.matchplane.system.ErrorCode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Documents the game-client API (CONTRACT §2). The request schemas repeat {@link EnqueueRequestReader}'s rules
 * (built from its constants, so they cannot drift); the schemas live here because the controller reads JSON trees.
 */
@Component
class TicketApiDocs implements OpenApiCustomizer {

    private static final String ID_CHARS = "A-Z a-z 0-9 . _ : @ -";
    private static final String TICKET_ID = "ticket-7Hq2vYc1Xo9kRr3TfA0bLw";

    private final int maxPartySize;

    TicketApiDocs(MatchmakingProperties properties) {
        this.maxPartySize = properties.maxPartySize();
    }

    @Override
    public void customise(OpenAPI api) {
        api.getComponents().addSchemas("EnqueueRequest", enqueueRequest()).addSchemas("EnqueueResponse",
                enqueueResponse()).addSchemas("CancelRequest", cancelRequest())
                .addSchemas("CancelResponse", cancelResponse()).addSchemas("StatusResponse", statusResponse())
                .addSchemas("Assignment", TicketExamples.assignmentSchema());
        enqueue(ApiDocs.operation(api, "/v1/matchmaking/enqueue", HttpMethod.POST));
        cancel(ApiDocs.operation(api, "/v1/matchmaking/cancel", HttpMethod.POST));
        status(ApiDocs.operation(api, "/v1/matchmaking/status/{ticketId}", HttpMethod.GET));
    }

    private void enqueue(@Nullable Operation operation) {
        if (operation == null) {
            return;
        }
        operation.summary("Enqueue a party").description("Validation (400) comes first, then dedup (a waiting "
                + "ticket of the same groupId is returned as is, 201), then the player rule (409), then the party "
                + "size rule (422). Bodies are limited to 16 KiB.").tags(List.of("Game clients"));
        operation.requestBody(ApiDocs.jsonBody(ref("EnqueueRequest"), TicketExamples.enqueueRequest(),
                "A party to queue; unknown fields are refused"));
        ApiDocs.responses(operation, "201", ApiDocs.json("The ticket (a new one, or the groupId's waiting one)",
                ref("EnqueueResponse"), Map.of("ticketId", TICKET_ID, "status", "queued")),
                "/v1/matchmaking/enqueue", ErrorCode.VALIDATION_FAILED, ErrorCode.MALFORMED_JSON,
                ErrorCode.ORIGIN_NOT_ALLOWED, ErrorCode.PLAYER_ALREADY_QUEUED, ErrorCode.PAYLOAD_TOO_LARGE,
                ErrorCode.UNSUPPORTED_MEDIA_TYPE, ErrorCode.PARTY_TOO_LARGE, ErrorCode.RATE_LIMITED,
                ErrorCode.STORE_UNAVAILABLE);
    }

    private static void cancel(@Nullable Operation operation) {
        if (operation == null) {
            return;
        }
        operation.summary("Cancel a ticket").description("`cancelled: false` for an unknown, assigned, already "
                + "cancelled or expired ticket (never 404). A cancelled ticket is never matched afterwards.")
                .tags(List.of("Game clients"));
        operation.requestBody(ApiDocs.jsonBody(ref("CancelRequest"), Map.of("ticketId", TICKET_ID),
                "The ticket to cancel"));
        ApiDocs.responses(operation, "201", ApiDocs.json("Whether a waiting ticket was cancelled",
                ref("CancelResponse"), Map.of("cancelled", true)), "/v1/matchmaking/cancel",
                ErrorCode.VALIDATION_FAILED, ErrorCode.MALFORMED_JSON, ErrorCode.ORIGIN_NOT_ALLOWED,
                ErrorCode.PAYLOAD_TOO_LARGE, ErrorCode.UNSUPPORTED_MEDIA_TYPE, ErrorCode.STORE_UNAVAILABLE);
    }

    private static void status(@Nullable Operation operation) {
        if (operation == null) {
            return;
        }
        operation.summary("A ticket's status").description("`assignment` is present only when `assigned`. "
                + "Assigned tickets are kept for the assignment TTL (1 h), cancelled or expired ones for 10 min.")
                .tags(List.of("Game clients"));
        operation.getParameters().forEach(p -> p.description("The ticketId enqueue returned").example(TICKET_ID));
        ApiDocs.responses(operation, "200", ApiDocs.json("The ticket", ref("StatusResponse"),
                TicketExamples.assignedStatus()), "/v1/matchmaking/status/" + TICKET_ID,
                ErrorCode.TICKET_NOT_FOUND, ErrorCode.ORIGIN_NOT_ALLOWED, ErrorCode.STORE_UNAVAILABLE);
    }

    private Schema<Object> enqueueRequest() {
        Map<String, Schema<?>> p = new LinkedHashMap<>();
        p.put("queueKey", string(1, EnqueueRequestReader.MAX_QUEUE_KEY, anchored(EnqueueRequestReader.QUEUE_KEY),
                "Queue to join; the part before the first `:` is the landType, the first `<n>v<m>` or `<n>` "
                        + "segment the match size").example("ranked:2v2"));
        p.put("groupId", string(1, EnqueueRequestReader.MAX_GROUP_ID, anchored(EnqueueRequestReader.ID),
                "Dedup key (" + ID_CHARS + "); absent: the server generates `group-…`").example("party-42"));
        p.put("members", schema("array").minItems(1).maxItems(maxPartySize).uniqueItems(true)
                .items(string(1, EnqueueRequestReader.MAX_PLAYER_ID, anchored(EnqueueRequestReader.ID),
                        "A player id (" + ID_CHARS + ")"))
                .description("Distinct player ids, 1–" + maxPartySize + " (matchmaking.max-party-size)")
                .example(List.of("alice", "bob")));
        p.put("groupSize", integer(1, Integer.MAX_VALUE, "Must equal the number of members; a string or a "
                + "fraction is refused, never coerced").example(2));
        p.put("region", string(1, EnqueueRequestReader.MAX_REGION, null,
                "Preferred game-server region; printable characters only").example("eu-west"));
        p.put("constraints", schema("object").additionalProperties(true)
                .description("Any JSON object, stored with the ticket (reserved for matching rules)")
                .example(Map.of("mode", "casual")));
        return object("A party to queue. Unknown fields are refused (400).", p, "queueKey", "members", "groupSize")
                .additionalProperties(false);
    }

    private static Schema<Object> enqueueResponse() {
        Map<String, Schema<?>> p = new LinkedHashMap<>();
        p.put("ticketId", string(8, 128, "^ticket-[A-Za-z0-9_-]+$", "Unguessable ticket id").example(TICKET_ID));
        p.put("status", schema("string")._enum(List.of("queued")));
        return object("The queued ticket", p, "ticketId", "status");
    }

    private static Schema<Object> cancelRequest() {
        Map<String, Schema<?>> p = new LinkedHashMap<>();
        p.put("ticketId", string(1, 128, null, "The ticket to cancel").example(TICKET_ID));
        return object("A ticket to cancel", p, "ticketId");
    }

    private static Schema<Object> cancelResponse() {
        Map<String, Schema<?>> p = new LinkedHashMap<>();
        p.put("cancelled", schema("boolean").description("true when a waiting ticket was cancelled"));
        return object("The cancel outcome", p, "cancelled");
    }

    private static Schema<Object> statusResponse() {
        Map<String, Schema<?>> p = new LinkedHashMap<>();
        p.put("ticketId", schema("string").example(TICKET_ID));
        p.put("status", schema("string")._enum(List.of("queued", "assigned", "cancelled", "expired")));
        p.put("queueKey", schema("string").example("ranked:2v2"));
        p.put("groupId", schema("string").example("party-42"));
        p.put("createdAt", schema("string").format("date-time").description("ISO-8601 UTC with milliseconds"));
        p.put("assignment", ref("Assignment"));
        return object("A ticket; extra fields may be added", p, "ticketId", "status");
    }
}
