package dev.matchplane.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The matching rules (docs/rest-api.md, How tickets are matched) read literally, with exhaustive search: the reference the real matcher must agree with
 * on windows small enough to enumerate.
 */
final class BruteForceMatcher {

    private BruteForceMatcher() {
    }

    static List<ProposedMatch> propose(List<WaitingTicket> window, QueueRules rules, Instant now) {
        List<WaitingTicket> alive = new ArrayList<>(window.stream()
                .filter(ticket -> MatchInvariants.eligible(ticket, rules, now))
                .sorted(Comparator.comparingLong(WaitingTicket::enqueuedAtMillis)
                        .thenComparing(WaitingTicket::ticketId))
                .toList());
        List<ProposedMatch> matches = new ArrayList<>();
        List<WaitingTicket> waiting = new ArrayList<>();
        while (!alive.isEmpty()) {
            WaitingTicket anchor = alive.remove(0);
            Optional<List<WaitingTicket>> fill = oldestFill(alive, rules.matchSize() - anchor.groupSize());
            fill.ifPresentOrElse(tickets -> matches.add(take(alive, anchor, tickets)), () -> waiting.add(anchor));
        }
        while (!waiting.isEmpty() && MatchInvariants.waited(waiting.get(0), rules.relaxAfter(), now)) {
            WaitingTicket anchor = waiting.remove(0);
            for (int seats = rules.matchSize() - anchor.groupSize(); seats >= 0; seats--) {
                Optional<List<WaitingTicket>> fill = oldestFill(waiting, seats);
                if (fill.isPresent()) {
                    matches.add(take(waiting, anchor, fill.get()));
                    break;
                }
            }
        }
        return matches;
    }

    private static ProposedMatch take(List<WaitingTicket> pool, WaitingTicket anchor, List<WaitingTicket> fill) {
        pool.removeAll(fill);
        List<WaitingTicket> tickets = new ArrayList<>(fill);
        tickets.add(0, anchor);
        return new ProposedMatch(tickets);
    }

    /** Depth first, trying each ticket in before leaving it out: the first hit is the oldest fill. */
    private static Optional<List<WaitingTicket>> oldestFill(List<WaitingTicket> candidates, int seats) {
        return search(candidates, 0, seats, new ArrayList<>());
    }

    private static Optional<List<WaitingTicket>> search(List<WaitingTicket> candidates, int from, int seats,
            List<WaitingTicket> chosen) {
        if (seats == 0) {
            return Optional.of(List.copyOf(chosen));
        }
        if (seats < 0 || from == candidates.size()) {
            return Optional.empty();
        }
        chosen.add(candidates.get(from));
        Optional<List<WaitingTicket>> with = search(candidates, from + 1, seats - candidates.get(from).groupSize(),
                chosen);
        chosen.remove(chosen.size() - 1);
        return with.isPresent() ? with : search(candidates, from + 1, seats, chosen);
    }
}
