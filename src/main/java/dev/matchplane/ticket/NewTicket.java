package dev.matchplane.ticket;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Everything the store writes for a fresh ticket; {@code playersJson} is the normalised player data, if any. */
record NewTicket(String ticketId, String queueKey, String groupId, List<String> members, int groupSize,
        @Nullable String region, @Nullable String constraintsJson, Instant createdAt, Instant expiresAt,
        @Nullable String playersJson) {

    /** A ticket without player data. */
    NewTicket(String ticketId, String queueKey, String groupId, List<String> members, int groupSize,
            @Nullable String region, @Nullable String constraintsJson, Instant createdAt, Instant expiresAt) {
        this(ticketId, queueKey, groupId, members, groupSize, region, constraintsJson, createdAt, expiresAt, null);
    }
}
