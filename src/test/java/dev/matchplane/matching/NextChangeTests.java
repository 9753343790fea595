package dev.matchplane.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/** When the leader wakes itself with no new enqueue: the earliest change of a ticket the tick left waiting. */
class NextChangeTests {

    private static final QueuePolicy POLICY = new QueuePolicy("q:2", "q", 2, Duration.ofMillis(1_000),
            Duration.ofMillis(30_000), Duration.ofMillis(600_000));
    private static final long NOW = 1_000_000;

    @Test
    void aTicketStillInItsMinWaitChangesWhenTheMinWaitEnds() {
        List<WaitingTicket> window = List.of(ticket("a", NOW - 400), ticket("b", NOW - 100));

        assertThat(NextChange.of(window, List.of(), POLICY, NOW)).hasValue(NOW - 400 + 1_000);
    }

    @Test
    void pastItsMinWaitATicketChangesAtRelaxAfterThenAfterItsMaxWait() {
        assertThat(NextChange.of(List.of(ticket("a", NOW - 5_000)), List.of(), POLICY, NOW))
                .hasValue(NOW - 5_000 + 30_000);
        assertThat(NextChange.of(List.of(ticket("a", NOW - 40_000)), List.of(), POLICY, NOW))
                .hasValue(NOW - 40_000 + 600_001);
    }

    @Test
    void ticketsTheTickMatchesDoNotCount() {
        WaitingTicket matched = ticket("a", NOW - 900);
        WaitingTicket partner = ticket("b", NOW - 950);
        WaitingTicket left = ticket("c", NOW - 100);

        assertThat(NextChange.of(List.of(partner, matched, left), List.of(new ProposedMatch(List.of(partner, matched))),
                POLICY, NOW)).hasValue(NOW - 100 + 1_000);
        assertThat(NextChange.of(List.of(partner, matched), List.of(new ProposedMatch(List.of(partner, matched))),
                POLICY, NOW)).isEmpty();
    }

    @Test
    void theEarliestReportSinceTheLastTakeIsTakenOnce() {
        NextChange next = new NextChange();
        next.report(500);
        next.report(OptionalLong.of(300));
        next.report(OptionalLong.empty());
        next.report(900);

        assertThat(next.take()).hasValue(300);
        assertThat(next.take()).isEmpty();
    }

    private static WaitingTicket ticket(String id, long enqueuedAt) {
        return new WaitingTicket(id, 1, enqueuedAt);
    }
}
