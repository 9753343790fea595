package dev.matchplane.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks any proposal against the matching rules (docs/rest-api.md) without trusting the matcher's own subset-sum code. */
final class MatchInvariants {

    private MatchInvariants() {
    }

    static void assertValid(List<WaitingTicket> window, QueueRules rules, Instant now, List<ProposedMatch> matches) {
        Set<WaitingTicket> inWindow = Set.copyOf(window);
        Set<WaitingTicket> matched = new HashSet<>();
        for (ProposedMatch match : matches) {
            assertThat(match.tickets()).allMatch(inWindow::contains, "from the window");
            assertMatchValid(match, rules, now);
            for (WaitingTicket ticket : match.tickets()) {
                assertThat(matched.add(ticket)).as("%s is in two matches", ticket.ticketId()).isTrue();
            }
        }
        List<WaitingTicket> leftovers = window.stream()
                .filter(ticket -> eligible(ticket, rules, now) && !matched.contains(ticket))
                .toList();
        assertThat(leftovers).as("relaxed tickets left waiting")
                .noneMatch(ticket -> waited(ticket, rules.relaxAfter(), now));
        assertThat(someSubsetSums(leftovers, rules.matchSize()))
                .as("a full match is left among %s", leftovers).isFalse();
    }

    private static void assertMatchValid(ProposedMatch match, QueueRules rules, Instant now) {
        assertThat(match.tickets()).allMatch(ticket -> eligible(ticket, rules, now), "eligible")
                .isSortedAccordingTo(Comparator.comparingLong(WaitingTicket::enqueuedAtMillis)
                        .thenComparing(WaitingTicket::ticketId));
        boolean relaxed = match.tickets().stream().anyMatch(ticket -> waited(ticket, rules.relaxAfter(), now));
        if (relaxed) {
            assertThat(match.players()).isBetween(1, rules.matchSize());
        } else {
            assertThat(match.players()).as("players in %s", match).isEqualTo(rules.matchSize());
        }
    }

    static boolean eligible(WaitingTicket ticket, QueueRules rules, Instant now) {
        return ticket.groupSize() <= rules.matchSize() && waited(ticket, rules.minWait(), now);
    }

    static boolean waited(WaitingTicket ticket, Duration wait, Instant now) {
        return now.toEpochMilli() - ticket.enqueuedAtMillis() >= wait.toMillis();
    }

    /** Plain 0/1 subset sum, one ticket at a time, deliberately unlike the matcher's bounded version. */
    static boolean someSubsetSums(List<WaitingTicket> tickets, int target) {
        Set<Integer> sums = new HashSet<>(Set.of(0));
        for (WaitingTicket ticket : tickets) {
            for (int sum : new ArrayList<>(sums)) {
                if (sum + ticket.groupSize() <= target) {
                    sums.add(sum + ticket.groupSize());
                }
            }
        }
        return sums.contains(target);
    }
}
