package dev.matchplane.matching;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A ticket held by a claim, with what the tick needs to allocate a server and sign tokens. */
record ClaimedTicket(String ticketId, int groupSize, List<String> members, @Nullable String region,
        long enqueuedAtMillis) {
}
