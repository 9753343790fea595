package dev.matchplane.matching.rules;

import static dev.matchplane.matching.rules.Tickets.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.matchplane.matching.Matcher;
import dev.matchplane.matching.ProposedMatch;
import dev.matchplane.matching.QueueRules;
import dev.matchplane.matching.WaitingTicket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A rule set of one team of N and no rules asks for what a queue without rules does (full matches of exactly N,
 * oldest first, exact fills), so before relax-after both matchers must propose the same matches.
 */
class SizeOnlyEquivalenceTests {

    @Test
    void proposeWhenOneTeamAndNoRulesThenTheSameFullMatchesAsTheSizeOnlyMatcher() {
        Random random = new Random(4242L);
        int compared = 0;
        for (int run = 0; run < 500; run++) {
            int size = 2 + random.nextInt(7);
            RuleSet set = Tickets.ruleSet("{'queues': ['q'], 'teams': [{'name': 'all', 'players': " + size + "}]}");
            List<WaitingTicket> window = new ArrayList<>();
            List<RuledTicket> ruled = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(60); i++) {
                int party = 1 + random.nextInt(size);
                long enqueued = NOW - random.nextInt(20_000);
                window.add(new WaitingTicket("t" + i, party, enqueued));
                List<String> members = new ArrayList<>();
                for (int m = 0; m < party; m++) {
                    members.add("t" + i + "-" + m);
                }
                ruled.add(new RuledTicket("t" + i, party, enqueued, null, members, Map.of()));
            }

            List<ProposedMatch> today = new Matcher().propose(window,
                    new QueueRules(size, Duration.ZERO, Duration.ofDays(1)), Instant.ofEpochMilli(NOW));
            MatchPlan plan = new RuleMatcher().propose(set, ruled, NOW, new QueueTiming(0, 86_400_000L, 86_400_000L),
                    ServerCapacity.unlimited());

            assertThat(Tickets.ticketIds(plan)).as("run %d, size %d, window %s", run, size, window)
                    .isEqualTo(today.stream().map(m -> m.tickets().stream().map(WaitingTicket::ticketId).toList())
                            .toList());
            compared += today.size();
        }
        assertThat(compared).isGreaterThan(500);
    }
}
