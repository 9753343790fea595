package dev.matchplane.realtime;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.matchplane.web.ErrorCode;
import dev.matchplane.web.FieldViolation;
import dev.matchplane.web.HttpSettings;
import dev.matchplane.web.JsonRecords;
import dev.matchplane.web.ProblemException;
import dev.matchplane.web.RateLimits;
import dev.matchplane.redis.StoreFailures;
import dev.matchplane.ticket.EnqueueRequest;
import dev.matchplane.ticket.EnqueueResult;
import dev.matchplane.ticket.TicketService;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Client messages: {@code {"action":"enqueue", …}} enqueues exactly as REST does (the same {@link EnqueueRequest},
 * validation, dedup and errors) and follows the ticket; {@code {"action":"heartbeat"}} only proves the client is
 * alive and gets no reply. Any failure becomes an {@code error} message with the problem+json code; the socket stays open.
 */
@Component
class ClientCommands {

    private static final String ACTION = "action";
    /** The same budget as REST enqueues (EnqueueRateLimitInterceptor). */
    private static final String RATE_SCOPE = "enqueue";

    private static final Logger log = LoggerFactory.getLogger(ClientCommands.class);

    private final ObjectMapper json;
    private final JsonRecords records;
    private final TicketService tickets;
    private final TicketFeed feed;
    private final ServerMessages messages;
    private final RateLimits limits;
    private final HttpSettings http;

    ClientCommands(ObjectMapper json, JsonRecords records, TicketService tickets, TicketFeed feed,
            ServerMessages messages, RateLimits limits, HttpSettings http) {
        this.json = json;
        this.records = records;
        this.tickets = tickets;
        this.feed = feed;
        this.messages = messages;
        this.limits = limits;
        this.http = http;
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
        String action = Objects.requireNonNull(records.read(body, Envelope.class).action());
        switch (action) {
            case "enqueue" -> enqueue(socket, body);
            case "heartbeat" -> {
                // Liveness was recorded on receipt; no reply, as in the earlier system.
            }
            default -> throw new ProblemException(ErrorCode.VALIDATION_FAILED, "action: must be enqueue or heartbeat",
                    List.of(new FieldViolation(ACTION, "must be enqueue or heartbeat")));
        }
    }

    private void enqueue(RealtimeSocket socket, JsonNode body) {
        checkRateLimit(socket);
        // the envelope's field is no field of the request, which refuses unknown ones
        ((ObjectNode) body).remove(ACTION);
        EnqueueResult result = tickets.enqueue(records.read(body, EnqueueRequest.class).toCommand(),
                socket.caller());
        // Replied before following: any event of the ticket then comes after "enqueued", and the stored read
        // that follows registration catches whatever happened in between.
        socket.send(messages.enqueued(result.ticketId(), result.estimatedWaitMs()));
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

    /** The REST enqueue budget ({@code matchmaking.http.enqueue-rate-limit}) covers socket enqueues too. */
    private void checkRateLimit(RealtimeSocket socket) {
        int limit = http.enqueueRateLimit();
        if (limit > 0 && !limits.tryAcquire(RATE_SCOPE, socket.clientAddress(http.trustForwardedFor()), limit)) {
            throw new ProblemException(ErrorCode.RATE_LIMITED,
                    "More than " + limit + " enqueue calls per second from this client; retry shortly");
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

    /** What every message has; the rest is the action's. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Envelope(@NotNull(message = "is required") @Size(min = 1, max = 64, message = "must be {min} to {max} "
            + "characters") @Nullable String action) {
    }
}
