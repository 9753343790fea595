package dev.matchplane.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MatcherTests {

    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final Matcher matcher = new Matcher();

    @ParameterizedTest
    @MethodSource("fills")
    void proposeWhenTicketsCanFillMatchSizeThenOldestExactFillIsFormed(int matchSize, List<WaitingTicket> window,
            String expected) {
        assertThat(ids(matcher.propose(window, rules(matchSize), NOW))).isEqualTo(expected);
    }

    static Stream<Arguments> fills() {
        return Stream.of(
                argumentSet("empty window", 4, sizes(), ""),
                argumentSet("one party fills", 4, sizes(4), "t0"),
                argumentSet("solos fill, the youngest waits", 4, sizes(1, 1, 1, 1, 1), "t0 t1 t2 t3"),
                argumentSet("[1,2,2] fills four with the 2s", 4, sizes(1, 2, 2), "t1 t2"),
                argumentSet("[3,2,3] fills six with the 3s", 6, sizes(3, 2, 3), "t0 t2"),
                argumentSet("[2,2,2,3] fills five with 2 and 3", 5, sizes(2, 2, 2, 3), "t0 t3"),
                argumentSet("parties are never split", 4, sizes(3, 3), ""),
                argumentSet("two parties fill", 5, sizes(2, 3), "t0 t1"),
                argumentSet("oldest completion wins", 4, sizes(1, 2, 1, 2, 2), "t0 t1 t2 | t3 t4"),
                argumentSet("younger tickets match when the oldest cannot", 4, sizes(3, 2, 2), "t1 t2"),
                argumentSet("match size one pairs nobody", 1, sizes(1, 1, 1), "t0 | t1 | t2"),
                argumentSet("oversized party is ignored", 4, sizes(5, 1, 1, 1, 1), "t1 t2 t3 t4"),
                argumentSet("same enqueue time is ordered by ticket id", 2,
                        List.of(ticket("b", 1, 5_000), ticket("c", 1, 5_000), ticket("a", 1, 5_000)), "a b"));
    }

    @ParameterizedTest
    @MethodSource("minWaits")
    void proposeWhenTicketHasNotWaitedMinWaitThenItIsNotMatched(Duration minWait, long youngestWaitedMillis,
            String expected) {
        List<WaitingTicket> window = List.of(ticket("a", 1, 20_000), ticket("b", 1, youngestWaitedMillis));
        QueueRules rules = new QueueRules(2, minWait, Duration.ofMinutes(10));

        assertThat(ids(matcher.propose(window, rules, NOW))).isEqualTo(expected);
    }

    static Stream<Arguments> minWaits() {
        return Stream.of(
                argumentSet("one millisecond short of min wait", Duration.ofSeconds(3), 2_999L, ""),
                argumentSet("exactly at min wait", Duration.ofSeconds(3), 3_000L, "a b"),
                argumentSet("zero min wait matches at once", Duration.ZERO, 0L, "a b"),
                argumentSet("enqueued in the future (clock skew)", Duration.ZERO, -5L, ""));
    }

    @ParameterizedTest
    @MethodSource("relaxations")
    void proposeWhenTicketHasWaitedRelaxAfterThenSmallerMatchIsAllowed(int matchSize, List<WaitingTicket> window,
            String expected) {
        assertThat(ids(matcher.propose(window, rules(matchSize), NOW))).isEqualTo(expected);
    }

    static Stream<Arguments> relaxations() {
        return Stream.of(
                argumentSet("party alone exactly at relax after", 4, List.of(ticket("p", 3, 30_000)), "p"),
                argumentSet("party alone just before relax after", 4, List.of(ticket("p", 3, 29_999)), ""),
                argumentSet("relaxed solo takes an eligible party along", 4,
                        List.of(ticket("s", 1, 31_000), ticket("d", 2, 5_000)), "s d"),
                argumentSet("relaxed solo leaves a too young party", 4,
                        List.of(ticket("s", 1, 31_000), ticket("d", 2, 1_000)), "s"),
                argumentSet("full match still preferred when relaxed", 4,
                        List.of(ticket("p", 3, 40_000), ticket("s", 1, 5_000)), "p s"),
                argumentSet("full matches are formed before relaxed ones", 4,
                        List.of(ticket("p", 3, 40_000), ticket("b", 2, 5_000), ticket("c", 2, 4_000)), "b c | p"),
                argumentSet("relaxed anchor takes the most players, not the first fit", 6,
                        List.of(ticket("a", 2, 40_000), ticket("b", 2, 5_000), ticket("c", 3, 4_000)), "a c"),
                argumentSet("relaxed tickets anchor oldest first", 4,
                        List.of(ticket("a", 3, 50_000), ticket("b", 3, 40_000), ticket("c", 2, 5_000)), "a | b"),
                argumentSet("oversized party is never matched, even relaxed", 2, List.of(ticket("x", 3, 60_000)), ""));
    }

    @ParameterizedTest
    @MethodSource("fairness")
    void proposeWhenPartyOfThreeAndSoloThenTheyMatchFirst(List<WaitingTicket> window, String expected) {
        assertThat(ids(matcher.propose(window, rules(4), NOW))).isEqualTo(expected);
    }

    static Stream<Arguments> fairness() {
        return Stream.of(
                argumentSet("party older than the solos", sizes(3, 1, 1, 1, 1, 1), "t0 t1 | t2 t3 t4 t5"),
                argumentSet("solo older than the party", sizes(1, 3, 1, 1, 1), "t0 t1"),
                // Older solos come first; the party still matches in the same pass.
                argumentSet("party younger than two solos", sizes(1, 1, 3, 1, 1, 1), "t0 t1 t3 t4 | t2 t5"));
    }

    @Test
    void proposeWhenSolosKeepArrivingThenOldPartyMatchesWithFirstEligibleSolo() {
        QueueRules rules = rules(4);
        Instant start = NOW.minusSeconds(60);
        List<WaitingTicket> queue = new ArrayList<>(List.of(new WaitingTicket("party", 3, start.toEpochMilli())));
        for (int tick = 0; tick < 40; tick++) {
            Instant now = start.plusMillis(250L * tick);
            if (tick >= 4) {
                // Eight solos a tick: enough for younger solos to fill matches among themselves.
                for (int i = 0; i < 8; i++) {
                    queue.add(new WaitingTicket("s%02d-%d".formatted(tick, i), 1, now.toEpochMilli()));
                }
            }
            List<ProposedMatch> matches = matcher.propose(queue, rules, now);
            if (now.isBefore(start.plusMillis(250L * 4).plus(rules.minWait()))) {
                assertThat(matches).as("nothing is eligible yet at tick %d", tick).isEmpty();
                continue;
            }
            assertThat(ids(matches)).startsWith("party s04-0 | s04-1 s04-2 s04-3 s04-4");
            return;
        }
        throw new AssertionError("the party was never matched");
    }

    @ParameterizedTest
    @MethodSource("largeWindows")
    void proposeWhenTenThousandTicketsThenAllMatchesAreValid(int matchSize, int[] cycle, int expectedMatches) {
        List<WaitingTicket> window = IntStream.range(0, 10_000)
                .mapToObj(i -> new WaitingTicket("t%05d".formatted(i), cycle[i % cycle.length], i))
                .toList();
        QueueRules rules = rules(matchSize);
        Instant now = Instant.ofEpochMilli(10_000 + rules.minWait().toMillis());

        long started = System.nanoTime();
        List<ProposedMatch> matches = matcher.propose(window, rules, now);
        System.out.printf("10,000 tickets, N=%d: %d matches in %.1f ms (cold)%n", matchSize, matches.size(),
                (System.nanoTime() - started) / 1e6);

        assertThat(matches).hasSize(expectedMatches);
        MatchInvariants.assertValid(window, rules, now, matches);
    }

    static Stream<Arguments> largeWindows() {
        return Stream.of(
                argumentSet("solos in pairs", 2, new int[] { 1 }, 5_000),
                argumentSet("1-2-3-4 cycle fills ten", 10, new int[] { 1, 2, 3, 4 }, 2_500),
                argumentSet("3-3-2-2 cycle fills five, each 3 skipping the other 3", 5, new int[] { 3, 3, 2, 2 },
                        5_000));
    }

    static QueueRules rules(int matchSize) {
        return new QueueRules(matchSize, Duration.ofSeconds(3), Duration.ofSeconds(30));
    }

    /** Eligible, not yet relaxed tickets t0, t1, ... with t0 the oldest. */
    static List<WaitingTicket> sizes(int... groupSizes) {
        return IntStream.range(0, groupSizes.length)
                .mapToObj(i -> ticket("t" + i, groupSizes[i], 20_000 - i))
                .toList();
    }

    static WaitingTicket ticket(String id, int groupSize, long waitedMillis) {
        return new WaitingTicket(id, groupSize, NOW.toEpochMilli() - waitedMillis);
    }

    /** Matches as "a b | c d": readable in a failed assertion. */
    static String ids(List<ProposedMatch> matches) {
        return matches.stream()
                .map(match -> match.tickets().stream().map(WaitingTicket::ticketId).collect(Collectors.joining(" ")))
                .collect(Collectors.joining(" | "));
    }
}
