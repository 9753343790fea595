package dev.matchplane.realtime;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.matchplane.web.ErrorCode;
import dev.matchplane.web.FieldViolation;
import dev.matchplane.ticket.Ticket;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Builds the texts this instance sends itself (the pub/sub events arrive ready-made): each message is a record,
 * serialised once, in the same shape as the events the Lua scripts publish.
 */
@Component
class ServerMessages {

    private static final Logger log = LoggerFactory.getLogger(ServerMessages.class);

    private final ObjectMapper json;

    ServerMessages(ObjectMapper json) {
        this.json = json;
    }

    String enqueued(String ticketId, @Nullable Long estimatedWaitMs) {
        return json.writeValueAsString(new Envelope<>("enqueued", new Enqueued(ticketId, "queued", estimatedWaitMs)));
    }

    String error(ErrorCode code, String message, List<FieldViolation> errors) {
        return json.writeValueAsString(new ErrorMessage("error", message, code.name(), errors));
    }

    /** The event a stored ticket has already produced, if it is past waiting. */
    Optional<TicketEvent> storedEvent(Ticket ticket) {
        String ticketId = ticket.ticketId();
        switch (ticket.status()) {
            case ASSIGNED:
                if (ticket.assignmentJson() == null) {
                    log.warn("Ticket '{}' is assigned but stores no assignment", ticketId);
                    return Optional.empty();
                }
                return Optional.of(event(TicketEvent.ASSIGNED, ticketId,
                        new Assigned(ticketId, ticket.assignmentJson())));
            case CANCELLED:
                return Optional.of(event(TicketEvent.CANCELLED, ticketId, new TicketOnly(ticketId)));
            case EXPIRED:
                return Optional.of(event(TicketEvent.EXPIRED, ticketId, new TicketOnly(ticketId)));
            default:
                return Optional.empty();
        }
    }

    private TicketEvent event(String type, String ticketId, Object data) {
        return new TicketEvent(type, ticketId, json.writeValueAsString(new Envelope<>(type, data)));
    }

    /** {@code {"type", "v": 1, "data"}}: the envelope of every server message but errors. */
    record Envelope<T>(String type, int v, T data) {

        Envelope(String type, T data) {
            this(type, 1, data);
        }
    }

    /** {@code estimatedWaitMs} is written as null without recent history, like the REST reply. */
    record Enqueued(String ticketId, String status, @Nullable Long estimatedWaitMs) {
    }

    record TicketOnly(String ticketId) {
    }

    /** The assignment is the stored JSON text, embedded as is: the same bytes the status endpoint returns. */
    record Assigned(String ticketId, @JsonRawValue String assignment) {
    }

    /** {@code errors} names each offending field of a VALIDATION_FAILED payload, as problem+json does. */
    record ErrorMessage(String type, String message, String code,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldViolation> errors) {
    }
}
