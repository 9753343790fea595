package dev.matchplane.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.matchplane.player.Caller;
import dev.matchplane.system.ConditionalOnRole;
import dev.matchplane.web.ErrorCode;
import dev.matchplane.web.ProblemCodes;
import dev.matchplane.web.ProblemException;
import dev.matchplane.system.Role;
import dev.matchplane.system.Timestamps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The game-client API. Bodies arrive validated: {@link dev.matchplane.web.JsonRecords} reads and validates them
 * while Spring MVC converts the body, so that type errors and rule breaks come back together in one answer.
 */
@RestController
@ConditionalOnRole({ Role.ALL, Role.API })
@RequestMapping(path = "/v1/matchmaking", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Game clients")
class TicketController {

    static final String EXAMPLE_TICKET = "ticket-7Hq2vYc1Xo9kRr3TfA0bLw";

    private final TicketService tickets;

    TicketController(TicketService tickets) {
        this.tickets = tickets;
    }

    @Operation(summary = "Enqueue a party", description = "Validation (400) comes first, then dedup (a waiting "
            + "ticket of the same groupId is returned as is, 201), then the player rule (409), then the party size "
            + "rule (422). Bodies are limited to `matchmaking.http.max-body-size`.")
    @ProblemCodes({ ErrorCode.VALIDATION_FAILED, ErrorCode.MALFORMED_JSON, ErrorCode.ORIGIN_NOT_ALLOWED,
            ErrorCode.UNAUTHORIZED, ErrorCode.NOT_A_MEMBER, ErrorCode.PLAYER_ALREADY_QUEUED, ErrorCode.PAYLOAD_TOO_LARGE, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
            ErrorCode.PARTY_TOO_LARGE, ErrorCode.RATE_LIMITED, ErrorCode.STORE_UNAVAILABLE })
    @PostMapping(path = "/enqueue", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    EnqueueResponse enqueue(@RequestBody EnqueueRequest request, @Parameter(hidden = true) Caller caller) {
        EnqueueResult result = tickets.enqueue(request.toCommand(), caller);
        return new EnqueueResponse(result.ticketId(), "queued", result.estimatedWaitMs());
    }

    @Operation(summary = "Cancel a ticket", description = "`cancelled: false` for an unknown, assigned, already "
            + "cancelled or expired ticket (never 404). A cancelled ticket is never matched afterwards.")
    @ProblemCodes({ ErrorCode.VALIDATION_FAILED, ErrorCode.MALFORMED_JSON, ErrorCode.ORIGIN_NOT_ALLOWED,
            ErrorCode.UNAUTHORIZED, ErrorCode.PAYLOAD_TOO_LARGE, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
            ErrorCode.STORE_UNAVAILABLE })
    @PostMapping(path = "/cancel", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    CancelResponse cancel(@RequestBody CancelRequest request, @Parameter(hidden = true) Caller caller) {
        return new CancelResponse(tickets.cancel(java.util.Objects.requireNonNull(request.ticketId()), caller));
    }

    @Operation(summary = "A ticket's status", description = "`assignment` is present only when `assigned`. "
            + "Assigned tickets are kept for `matchmaking.assignment-ttl`, cancelled or expired ones for "
            + "`matchmaking.ended-retention`.")
    @ProblemCodes({ ErrorCode.TICKET_NOT_FOUND, ErrorCode.UNAUTHORIZED, ErrorCode.ORIGIN_NOT_ALLOWED,
            ErrorCode.STORE_UNAVAILABLE })
    @GetMapping("/status/{ticketId}")
    StatusResponse status(@Parameter(description = "The ticketId enqueue returned", example = EXAMPLE_TICKET)
            @PathVariable String ticketId, @Parameter(hidden = true) Caller caller) {
        TicketStatusView ticket = tickets.findStatus(ticketId, caller).orElseThrow(() -> new ProblemException(
                ErrorCode.TICKET_NOT_FOUND, "No ticket '" + ticketId + "' (unknown, or past its retention)"));
        return StatusResponse.of(ticket);
    }

    @Schema(description = "The ticket: a new one, or the groupId's waiting one")
    record EnqueueResponse(
            @Schema(description = "Unguessable ticket id", example = EXAMPLE_TICKET) String ticketId,
            @Schema(allowableValues = "queued", example = "queued") String status,
            @Schema(description = "Expected wait in ms (docs/rest-api.md, queue statistics); null without recent "
                    + "history", nullable = true, example = "5200") @Nullable Long estimatedWaitMs) {
    }

    @Schema(description = "Whether a waiting ticket was cancelled")
    record CancelResponse(@Schema(example = "true") boolean cancelled) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A ticket; extra fields may be added")
    record StatusResponse(
            @Schema(example = EXAMPLE_TICKET) String ticketId,
            @Schema(allowableValues = { "queued", "assigned", "cancelled", "expired" }, example = "assigned")
            String status,
            @Schema(example = "ranked:2v2") String queueKey,
            @Schema(example = "party-42") String groupId,
            @Schema(description = "ISO-8601 UTC with milliseconds", format = "date-time",
                    example = "2026-11-26T20:00:00.000Z")
            String createdAt,
            @Schema(implementation = AssignmentView.class, description = "Only when `assigned`")
            @JsonRawValue @Nullable String assignment) {

        static StatusResponse of(TicketStatusView ticket) {
            String assignment = ticket.status() == TicketStatus.ASSIGNED ? ticket.assignmentJson() : null;
            return new StatusResponse(ticket.ticketId(), ticket.status().publicName(), ticket.queueKey(),
                    ticket.groupId(), Timestamps.iso(ticket.createdAt()), assignment);
        }
    }
}
