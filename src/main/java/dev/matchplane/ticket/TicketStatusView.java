package dev.matchplane.ticket;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The fields of a stored ticket that {@code GET status} shows, read on their own: the status call has no use for
 * size, region or update time, so it neither fetches nor parses them (members only when a player's access is
 * checked).
 */
record TicketStatusView(String ticketId, TicketStatus status, String queueKey, String groupId, Instant createdAt,
        @Nullable String assignmentJson) {
}
