package dev.matchplane.matching;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Tickets proposed to play together, oldest first. The caller still has to claim them atomically. {@code layout}
 * is set only for a queue under a rule set.
 */
public record ProposedMatch(List<WaitingTicket> tickets, @Nullable MatchLayout layout) {

    public ProposedMatch {
        tickets = List.copyOf(tickets);
        if (tickets.isEmpty()) {
            throw new IllegalArgumentException("a match needs at least one ticket");
        }
    }

    public ProposedMatch(List<WaitingTicket> tickets) {
        this(tickets, null);
    }

    public int players() {
        return tickets.stream().mapToInt(WaitingTicket::groupSize).sum();
    }
}
