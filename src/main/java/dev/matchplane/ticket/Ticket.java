package dev.matchplane.ticket;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A stored ticket. The assignment stays the JSON text the commit script wrote, so every reader (status,
 * WebSocket) returns exactly the same bytes without a round trip through a model.
 */
public record Ticket(String ticketId, TicketStatus status, String queueKey, String groupId, List<String> members,
        int groupSize, @Nullable String region, Instant createdAt, Instant updatedAt,
        @Nullable String assignmentJson) {
}
