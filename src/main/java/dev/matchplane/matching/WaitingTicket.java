package dev.matchplane.matching;

import java.util.Objects;

/**
 * One waiting party as seen in a queue window. Windows are ordered oldest first, ties broken by
 * {@code ticketId}.
 */
public record WaitingTicket(String ticketId, int groupSize, long enqueuedAtMillis) {

    public WaitingTicket {
        Objects.requireNonNull(ticketId, "ticketId");
        // A party of zero would fit every match any number of times.
        if (groupSize < 1) {
            throw new IllegalArgumentException("groupSize must be >= 1, was " + groupSize);
        }
    }
}
