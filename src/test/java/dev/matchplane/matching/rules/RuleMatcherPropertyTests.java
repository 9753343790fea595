package dev.matchplane.matching.rules;

import static dev.matchplane.matching.rules.Tickets.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Random rule sets and populations from fixed seeds (a failure replays); {@link HardRules} judges every match. */
class RuleMatcherPropertyTests {

    private final RuleMatcher matcher = new RuleMatcher();

    @Test
    void proposeOnRandomRuleSetsAndPopulationsThenNoMatchBreaksAHardRule() {
        Random random = new Random(20261205L);
        int matches = 0;
        for (int run = 0; run < 600; run++) {
            RuleSet set = RandomPopulations.ruleSet(random);
            int largest = set.teams().stream().mapToInt(RuleSet.Team::max).max().orElseThrow();
            List<RuledTicket> window = RandomPopulations.window(random, 1 + random.nextInt(150), largest + 1, NOW);
            QueueTiming timing = new QueueTiming(random.nextInt(3000), 10_000 + random.nextInt(30_000), 50_000);
            ServerCapacity capacity = RandomPopulations.capacity(random);

            MatchPlan plan = matcher.propose(set, window, NOW, timing, capacity);

            assertThat(HardRules.violations(set, window, NOW, timing, capacity, plan))
                    .as("run %d, rule set %s", run, set).isEmpty();
            assertThat(plan.nextChangeAtMillis().orElse(Long.MAX_VALUE)).isGreaterThan(NOW);
            matches += plan.matches().size();
        }
        assertThat(matches).as("the populations must actually form matches").isGreaterThan(1000);
    }

    @Test
    void proposeWhenAYoungerTicketIsMatchedThenNoOlderWaitingTicketCouldHaveTakenItsPlace() {
        Random random = new Random(77L);
        int checked = 0;
        for (int run = 0; run < 400; run++) {
            RuleSet set = monotoneRuleSet(random);
            List<RuledTicket> window = RandomPopulations.window(random, 2 + random.nextInt(50), 3, NOW);
            QueueTiming timing = new QueueTiming(0, 1_000_000, 600_000);

            MatchPlan plan = matcher.propose(set, window, NOW, timing, ServerCapacity.unlimited());

            Set<String> matched = plan.matches().stream().flatMap(m -> m.tickets().stream())
                    .map(p -> p.ticket().ticketId()).collect(Collectors.toSet());
            for (RuledMatch match : plan.matches()) {
                long seed = match.tickets().get(0).ticket().enqueuedAtMillis();
                for (RuledTicket waiting : window) {
                    if (matched.contains(waiting.ticketId()) || waiting.enqueuedAtMillis() <= seed) {
                        continue;
                    }
                    for (int i = 1; i < match.tickets().size(); i++) {
                        RuledMatch.Placement younger = match.tickets().get(i);
                        if (younger.ticket().groupSize() != waiting.groupSize()
                                || younger.ticket().enqueuedAtMillis() <= waiting.enqueuedAtMillis()) {
                            continue;
                        }
                        checked++;
                        List<RuledMatch.Placement> swapped = new ArrayList<>(match.tickets());
                        swapped.set(i, new RuledMatch.Placement(waiting, younger.team()));
                        RuledMatch alternative = new RuledMatch(swapped, match.region(), match.capacityRegion(),
                                match.matchAttributes(), match.skillSpread());
                        assertThat(HardRules.violations(set, alternative, NOW, timing))
                                .as("run %d: %s waits behind the younger %s in %s", run, waiting.ticketId(),
                                        younger.ticket().ticketId(), Tickets.ticketIds(plan))
                                .isNotEmpty();
                    }
                }
            }
        }
        assertThat(checked).as("the property must be exercised").isGreaterThan(100);
    }

    /** One team, rules whose validity survives dropping a ticket (no balance, no latency, no intersect report). */
    private static RuleSet monotoneRuleSet(Random random) {
        String distance = random.nextBoolean() ? "" : ", {'name': 'skill', 'type': 'distance', 'attribute': 'skill',"
                + " 'max': " + (100 + random.nextInt(400)) + "}";
        return Tickets.ruleSet("{'queues': ['q'], 'attributes': {'skill': {'type': 'number', 'default': 1500},"
                + " 'mode': {'type': 'string', 'default': 'ctf'}}, 'teams': [{'name': 'all', 'players': "
                + (2 + random.nextInt(5)) + "}], 'rules': [{'name': 'mode', 'type': 'equals', 'attribute': 'mode'}"
                + distance + "]}");
    }
}
