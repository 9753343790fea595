package dev.matchplane.matching;

import java.util.List;

/** A proposed match whose tickets this tick now holds, oldest first. */
record ClaimedMatch(String claimId, String queueKey, List<ClaimedTicket> tickets) {

    ClaimedTicket oldest() {
        return tickets.get(0);
    }
}
