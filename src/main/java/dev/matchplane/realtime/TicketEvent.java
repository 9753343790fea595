package dev.matchplane.realtime;

import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;

/**
 * One server-to-client event about a ticket, already serialised: {@code text} is sent to every socket as is.
 *
 * @param type     {@code match.assigned}, {@code ticket.cancelled}, {@code ticket.expired} (or a later addition)
 * @param ticketId the ticket the event is about ({@code data.ticketId})
 * @param text     the whole envelope, byte for byte as the publisher wrote it
 */
record TicketEvent(String type, String ticketId, String text) {

    static final String ASSIGNED = "match.assigned";
    static final String CANCELLED = "ticket.cancelled";
    static final String EXPIRED = "ticket.expired";

    /** After these a ticket never changes again, so its subscriptions are done. */
    private static final Set<String> FINAL = Set.of(ASSIGNED, CANCELLED, EXPIRED);

    boolean isFinal() {
        return FINAL.contains(type);
    }

    /**
     * Reads only {@code type} and {@code data.ticketId} with a streaming parser and stops as soon as it has both,
     * so an assignment (which follows the ticket id) is never parsed: the text is forwarded untouched.
     */
    static Optional<TicketEvent> parse(ObjectMapper json, String text) {
        try (JsonParser parser = json.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            String type = null;
            String ticketId = null;
            while ((type == null || ticketId == null) && parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("type".equals(name) && value == JsonToken.VALUE_STRING) {
                    type = parser.getString();
                }
                else if ("data".equals(name) && value == JsonToken.START_OBJECT) {
                    ticketId = ticketIdIn(parser, type != null);
                }
                else {
                    parser.skipChildren();
                }
            }
            return type == null || ticketId == null ? Optional.empty()
                    : Optional.of(new TicketEvent(type, ticketId, text));
        }
        catch (JacksonException ex) {
            return Optional.empty();
        }
    }

    /**
     * Reads the {@code data} object for its {@code ticketId}. When the type is known already it stops there (the
     * usual order); otherwise it reads {@code data} to its end so that the caller can go on looking for the type.
     */
    private static @Nullable String ticketIdIn(JsonParser parser, boolean stopAtTicketId) {
        String ticketId = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (ticketId == null && "ticketId".equals(name) && value == JsonToken.VALUE_STRING) {
                ticketId = parser.getString();
                if (stopAtTicketId) {
                    return ticketId;
                }
            }
            else {
                parser.skipChildren();
            }
        }
        return ticketId;
    }
}
