package dev.matchplane.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.matchplane.system.ConditionalOnRole;
import dev.matchplane.system.ErrorCode;
import dev.matchplane.system.JsonFields;
import dev.matchplane.system.ProblemException;
import dev.matchplane.system.Role;
import dev.matchplane.system.Timestamps;
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
import tools.jackson.databind.JsonNode;

/** The game-client API of CONTRACT §2. Bodies are read as JSON trees so that validation can be strict and complete. */
@RestController
@ConditionalOnRole({ Role.ALL, Role.API })
@RequestMapping(path = "/v1/matchmaking", produces = MediaType.APPLICATION_JSON_VALUE)
class TicketController {

    private final TicketService tickets;
    private final EnqueueRequestReader reader;

    TicketController(TicketService tickets, EnqueueRequestReader reader) {
        this.tickets = tickets;
        this.reader = reader;
    }

    @PostMapping(path = "/enqueue", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    EnqueueResponse enqueue(@RequestBody JsonNode body) {
        EnqueueResult result = tickets.enqueue(reader.read(body));
        return new EnqueueResponse(result.ticketId(), "queued");
    }

    @PostMapping(path = "/cancel", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    CancelResponse cancel(@RequestBody JsonNode body) {
        JsonFields fields = JsonFields.of(body);
        String ticketId = fields.string("ticketId", true, 1, 128, null, "");
        fields.throwIfInvalid();
        return new CancelResponse(tickets.cancel(java.util.Objects.requireNonNull(ticketId)));
    }

    @GetMapping("/status/{ticketId}")
    StatusResponse status(@PathVariable String ticketId) {
        TicketStatusView ticket = tickets.findStatus(ticketId).orElseThrow(() -> new ProblemException(ErrorCode.TICKET_NOT_FOUND,
                "No ticket '" + ticketId + "' (unknown, or past its retention)"));
        return StatusResponse.of(ticket);
    }

    record EnqueueResponse(String ticketId, String status) {
    }

    record CancelResponse(boolean cancelled) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StatusResponse(String ticketId, String status, String queueKey, String groupId, String createdAt,
            @JsonRawValue @Nullable String assignment) {

        static StatusResponse of(TicketStatusView ticket) {
            String assignment = ticket.status() == TicketStatus.ASSIGNED ? ticket.assignmentJson() : null;
            return new StatusResponse(ticket.ticketId(), ticket.status().publicName(), ticket.queueKey(),
                    ticket.groupId(), Timestamps.iso(ticket.createdAt()), assignment);
        }
    }
}
