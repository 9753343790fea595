package dev.matchplane.matching;

import static dev.matchplane.matching.MatcherTests.NOW;
import static dev.matchplane.matching.MatcherTests.ids;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Random windows from fixed seeds, so a failure replays; the failing window is in the message. */
class MatcherPropertyTests {

    private final Matcher matcher = new Matcher();

    @Test
    void proposeOnRandomWindowsKeepsEveryTicketInAtMostOneValidMatchAndLeavesNoFullMatch() {
        Random random = new Random(20260101L);
        for (int run = 0; run < 500; run++) {
            QueueRules rules = randomRules(random);
            List<WaitingTicket> window = randomWindow(random, 1 + random.nextInt(80), rules.matchSize());

            MatchInvariants.assertValid(window, rules, NOW, matcher.propose(window, rules, NOW));
        }
    }

    @Test
    void proposeWhenMatchSizeExceedsOneMachineWordThenFillsStayExact() {
        Random random = new Random(64L);
        for (int run = 0; run < 100; run++) {
            QueueRules rules = new QueueRules(60 + random.nextInt(140), Duration.ofSeconds(3), Duration.ofDays(1));
            List<WaitingTicket> window = randomWindow(random, 1 + random.nextInt(150), rules.matchSize());

            MatchInvariants.assertValid(window, rules, NOW, matcher.propose(window, rules, NOW));
        }
    }

    @Test
    void proposeOnSmallRandomWindowsAgreesWithExhaustiveSearch() {
        Random random = new Random(42L);
        for (int run = 0; run < 500; run++) {
            QueueRules rules = randomRules(random);
            List<WaitingTicket> window = randomWindow(random, random.nextInt(15), rules.matchSize());

            assertThat(ids(matcher.propose(window, rules, NOW)))
                    .as("%s with %s", window, rules)
                    .isEqualTo(ids(BruteForceMatcher.propose(window, rules, NOW)));
        }
    }

    @Test
    void proposeDoesNotDependOnWindowOrder() {
        Random random = new Random(7L);
        for (int run = 0; run < 100; run++) {
            QueueRules rules = randomRules(random);
            List<WaitingTicket> window = randomWindow(random, 40, rules.matchSize());
            List<WaitingTicket> shuffled = new ArrayList<>(window);
            Collections.shuffle(shuffled, random);

            assertThat(matcher.propose(shuffled, rules, NOW)).isEqualTo(matcher.propose(window, rules, NOW));
        }
    }

    @Test
    void proposeOnTenThousandRandomTicketsLeavesNoFullMatch() {
        Random random = new Random(10_000L);
        QueueRules rules = new QueueRules(10, Duration.ofSeconds(3), Duration.ofSeconds(30));
        List<WaitingTicket> window = randomWindow(random, 10_000, rules.matchSize());

        long started = System.nanoTime();
        List<ProposedMatch> matches = matcher.propose(window, rules, NOW);
        System.out.printf("10,000 random tickets, N=10: %d matches in %.1f ms%n", matches.size(),
                (System.nanoTime() - started) / 1e6);

        MatchInvariants.assertValid(window, rules, NOW, matches);
    }

    private static QueueRules randomRules(Random random) {
        // Sometimes nothing relaxes, so the full-match pass is checked on its own.
        Duration relaxAfter = random.nextInt(4) == 0 ? Duration.ofDays(1) : Duration.ofSeconds(30);
        return new QueueRules(1 + random.nextInt(8), Duration.ofSeconds(3), relaxAfter);
    }

    /**
     * Waits on a coarse grid so enqueue times tie often; sizes lean small, as real queues do, and
     * now and then exceed the match size.
     */
    private static List<WaitingTicket> randomWindow(Random random, int size, int matchSize) {
        return IntStream.range(0, size)
                .mapToObj(i -> new WaitingTicket("t%05d".formatted(i),
                        random.nextInt(3) == 0 ? 1 + random.nextInt(matchSize + 1) : 1 + random.nextInt(2),
                        NOW.toEpochMilli() - (random.nextInt(8) * 5_000L - 1_000)))
                .sorted(Comparator.comparingLong(WaitingTicket::enqueuedAtMillis)
                        .thenComparing(WaitingTicket::ticketId))
                .toList();
    }
}
