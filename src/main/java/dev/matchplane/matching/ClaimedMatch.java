package dev.matchplane.matching;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A proposed match whose tickets this tick now holds, oldest first; {@code layout} as proposed. */
record ClaimedMatch(String claimId, String queueKey, List<ClaimedTicket> tickets, @Nullable MatchLayout layout) {

    ClaimedTicket oldest() {
        return tickets.get(0);
    }
}
