package dev.matchplane.ticket;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Everything the store writes for a fresh ticket. */
record NewTicket(String ticketId, String queueKey, String groupId, List<String> members, int groupSize,
        @Nullable String region, @Nullable String constraintsJson, Instant createdAt, Instant expiresAt) {
}
