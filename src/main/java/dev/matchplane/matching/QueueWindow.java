package dev.matchplane.matching;

import java.util.List;

import dev.matchplane.matching.rules.RuledTicket;
import dev.matchplane.matching.rules.ServerCapacity;
import org.jspecify.annotations.Nullable;

/**
 * One queue's window as the tick reads it. For a queue under a rule set the same window comes with each ticket's
 * members, region and player data ({@code ruled}, same order) and the free lands of its landType's live servers.
 */
record QueueWindow(List<WaitingTicket> tickets, List<RuledTicket> ruled, @Nullable ServerCapacity capacity) {

    QueueWindow {
        tickets = List.copyOf(tickets);
        ruled = List.copyOf(ruled);
    }

    static QueueWindow sizeOnly(List<WaitingTicket> tickets) {
        return new QueueWindow(tickets, List.of(), null);
    }
}
