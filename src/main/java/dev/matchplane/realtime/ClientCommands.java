package dev.matchplane.realtime;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.matchplane.system.ErrorCode;
import dev.matchplane.system.FieldViolation;
import dev.matchplane.system.JsonFields;
import dev.matchplane.system.ProblemException;
import dev.matchplane.system.StoreFailures;
import dev.matchplane.ticket.EnqueueRequestReader;
import dev.matchplane.ticket.EnqueueResult;
import dev.matchplane.ticket.TicketService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Client messages of CONTRACT §6: {@code {"action":"enqueue", …}} enqueues exactly as REST does (same validation,
 * dedup and errors) and follows the ticket; {@code {"action":"heartbeat"}} only proves the client is alive and gets
 * no reply. Any failure becomes an {@code error} message with the problem+json code; the socket stays open.
 */
@Component
class ClientCommands {

    private static final Set<String> ENVELOPE = Set.of("action");

    private static final Logger log = LoggerFactory.getLogger(ClientCommands.class);

    private final ObjectMapper json;
    private final EnqueueRequestReader reader;
    private final TicketService tickets;
    private final TicketFeed feed;
    private final ServerMessages messages;

    ClientCommands(ObjectMapper json, EnqueueRequestReader reader, TicketService tickets, TicketFeed feed,
            ServerMessages messages) {
        this.json = json;
        this.reader = reader;
        this.tickets = tickets;
        this.feed = feed;
        this.messages = messages;
    }

    void handle(RealtimeSocket socket, String text) {
        try {
            dispatch(socket, text);
        }
        catch (ProblemException ex) {
            socket.send(messages.error(ex.code(), String.valueOf(ex.getMessage()), ex.violations()));
        }
        catch (RuntimeException ex) {
            if (StoreFailures.isUnavailable(ex)) {
                log.warn("Redis unavailable while serving realtime socket '{}': {}", socket.id(), ex.toString());
                socket.send(messages.error(ErrorCode.STORE_UNAVAILABLE,
                        "The ticket store is unavailable, retry shortly", List.of()));
                return;
            }
            log.error("Unexpected failure serving realtime socket '{}'", socket.id(), ex);
            socket.send(messages.error(ErrorCode.INTERNAL_ERROR, "An unexpected error occurred", List.of()));
        }
    }

    private void dispatch(RealtimeSocket socket, String text) {
        JsonNode body = parse(text);
        JsonFields fields = JsonFields.of(body);
        String action = fields.string("action", true, 1, 64, null, "");
        fields.throwIfInvalid();
        switch (Objects.requireNonNull(action)) {
            case "enqueue" -> enqueue(socket, body);
            case "heartbeat" -> {
                // Liveness was recorded on receipt; no reply, as in the earlier system.
            }
            default -> throw new ProblemException(ErrorCode.VALIDATION_FAILED, "action: must be enqueue or heartbeat",
                    List.of(new FieldViolation("action", "must be enqueue or heartbeat")));
        }
    }

    private void enqueue(RealtimeSocket socket, JsonNode body) {
        EnqueueResult result = tickets.enqueue(reader.read(body, ENVELOPE));
        // Replied before following: any event of the ticket then comes after "enqueued", and the stored read
        // that follows registration catches whatever happened in between.
        socket.send(messages.enqueued(result.ticketId()));
        try {
            if (feed.subscribe(socket, result.ticketId()) == TicketFeed.Subscription.TOO_MANY_SOCKETS) {
                socket.close(RealtimeSocket.TOO_MANY_FOR_TICKET);
            }
        }
        catch (RuntimeException ex) {
            // The ticket is accepted and the socket registered: pub/sub still delivers its event.
            log.warn("Could not read ticket '{}' after enqueue: {}", result.ticketId(), ex.toString());
        }
    }

    private JsonNode parse(String text) {
        try {
            JsonNode body = json.readTree(text);
            if (body == null || body.isMissingNode()) {
                throw malformed();
            }
            return body;
        }
        catch (JacksonException ex) {
            throw malformed();
        }
    }

    private static ProblemException malformed() {
        return new ProblemException(ErrorCode.MALFORMED_JSON, "Message is not valid JSON");
    }
}
