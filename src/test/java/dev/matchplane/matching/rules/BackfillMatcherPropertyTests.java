package dev.matchplane.matching.rules;

import static dev.matchplane.matching.rules.Tickets.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Random rule sets, lands and windows from fixed seeds (a failure replays); {@link BackfillJudge} judges every
 * backfill plan from the raw data.
 */
class BackfillMatcherPropertyTests {

    private static final long MAX_WAIT = 50_000;

    private final BackfillMatcher matcher = new BackfillMatcher();

    @Test
    void chooseOnRandomRuleSetsLandsAndWindowsThenNoFillBreaksAHardRuleOrASlot() {
        Random random = new Random(20260611L);
        int filled = 0;
        for (int run = 0; run < 800; run++) {
            RuleSet set = RandomPopulations.ruleSet(random);
            LandRoster land = land(random, set);
            List<RuledTicket> window = RandomPopulations.window(random, 1 + random.nextInt(60), 3, NOW);

            BackfillPlan plan = matcher.choose(set, land, window, NOW, MAX_WAIT, 1 + random.nextInt(20));

            assertThat(BackfillJudge.violations(set, land, window, NOW, MAX_WAIT, plan))
                    .as("run %d, rule set %s, land %s", run, set, land).isEmpty();
            filled += plan.placements().size();
        }
        assertThat(filled).as("the populations must actually fill slots").isGreaterThan(500);
    }

    /**
     * Rules whose validity survives adding a ticket's company (no expansions of rule limits, no team balance):
     * a waiting ticket older than a chosen one must break a rule or a slot with the whole fill.
     */
    @Test
    void chooseWhenAYoungerTicketFillsThenEveryOlderOneLeftWaitingDoesNotFit() {
        Random random = new Random(4242L);
        int checked = 0;
        for (int run = 0; run < 800; run++) {
            RuleSet set = RandomPopulations.ruleSet(random);
            if (set.rules().stream().anyMatch(r -> r.type().equals("teamBalance"))
                    || set.expansions().stream().anyMatch(e -> e.target().startsWith("rules["))) {
                continue;
            }
            LandRoster land = land(random, set);
            List<RuledTicket> window = RandomPopulations.window(random, 2 + random.nextInt(40), 3, NOW);

            BackfillPlan plan = matcher.choose(set, land, window, NOW, MAX_WAIT, Integer.MAX_VALUE);

            Set<String> chosen = plan.placements().stream().map(p -> p.ticket().ticketId())
                    .collect(Collectors.toSet());
            long youngest = plan.placements().stream().mapToLong(p -> p.ticket().enqueuedAtMillis()).max()
                    .orElse(Long.MIN_VALUE);
            for (RuledTicket waiting : window) {
                if (chosen.contains(waiting.ticketId()) || waiting.enqueuedAtMillis() >= youngest
                        || NOW - waiting.enqueuedAtMillis() > MAX_WAIT) {
                    continue;
                }
                checked++;
                for (String team : land.openSlots().keySet()) {
                    List<RuledMatch.Placement> more = new ArrayList<>(plan.placements());
                    more.add(new RuledMatch.Placement(waiting, team));
                    assertThat(BackfillJudge.violations(set, land, window, NOW, MAX_WAIT,
                            new BackfillPlan(more, plan.matchAttributes())))
                            .as("run %d: %s waits behind younger tickets on team %s", run, waiting.ticketId(), team)
                            .isNotEmpty();
                }
            }
        }
        assertThat(checked).as("the property must be exercised").isGreaterThan(100);
    }

    /** Current players on random teams below their maximum, open slots up to the rest, a region, match values. */
    private static LandRoster land(Random random, RuleSet set) {
        CompiledRules rules = new CompiledRules(set);
        Map<String, Integer> slots = new LinkedHashMap<>();
        Map<String, LandRoster.SeatedPlayer> players = new LinkedHashMap<>();
        for (int t = 0; t < rules.teamNames.length; t++) {
            int seated = random.nextInt(rules.teamMax[t]);
            for (int p = 0; p < seated; p++) {
                players.put("s" + t + "-" + p, new LandRoster.SeatedPlayer(rules.teamNames[t],
                        RandomPopulations.player(random)));
            }
            slots.put(rules.teamNames[t], random.nextInt(rules.teamMax[t] - seated + 1));
        }
        if (slots.values().stream().allMatch(n -> n == 0)) {
            slots.put(rules.teamNames[0], rules.teamMax[0] - (int) players.values().stream()
                    .filter(p -> p.team().equals(rules.teamNames[0])).count());
        }
        if (random.nextBoolean()) {
            players.clear();
        }
        Map<String, Object> reported = new LinkedHashMap<>();
        if (random.nextBoolean()) {
            reported.put("mode", RandomPopulations.MODES[random.nextInt(2)]);
            reported.put("maps", RandomPopulations.MAPS[random.nextInt(RandomPopulations.MAPS.length)]);
        }
        String region = random.nextBoolean() ? RandomPopulations.REGIONS[random.nextInt(3)] : null;
        return new LandRoster(slots, players, region, reported);
    }
}
