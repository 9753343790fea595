package dev.matchplane.matching;

import java.util.List;

/** Tickets proposed to play together, oldest first. The caller still has to claim them atomically. */
public record ProposedMatch(List<WaitingTicket> tickets) {

    public ProposedMatch {
        tickets = List.copyOf(tickets);
        if (tickets.isEmpty()) {
            throw new IllegalArgumentException("a match needs at least one ticket");
        }
    }

    public int players() {
        return tickets.stream().mapToInt(WaitingTicket::groupSize).sum();
    }
}
