package dev.matchplane.matching.rules;

import static dev.matchplane.matching.rules.Tickets.NOW;
import static dev.matchplane.matching.rules.Tickets.TIMING;
import static dev.matchplane.matching.rules.Tickets.party;
import static dev.matchplane.matching.rules.Tickets.ruleSet;
import static dev.matchplane.matching.rules.Tickets.solo;
import static dev.matchplane.matching.rules.Tickets.ticketIds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.matchplane.matching.rules.Tickets.Player;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The scenarios of the rule-set feature, at the matcher level. */
class RuleMatcherTests {

    private final RuleMatcher matcher = new RuleMatcher();

    private MatchPlan propose(RuleSet set, List<RuledTicket> window) {
        return matcher.propose(set, window, NOW, TIMING, ServerCapacity.unlimited());
    }

    private static Map<String, String> teams(RuledMatch match) {
        return match.tickets().stream()
                .collect(Collectors.toMap(p -> p.ticket().ticketId(), RuledMatch.Placement::team));
    }

    @Test
    void proposeWhenDistanceRuleThenSkillKeeps1000With1050And2000With2060() {
        RuleSet set = ruleSet("{'queues': ['q'], 'attributes': {'skill': {'type': 'number'}},"
                + " 'teams': [{'name': 'a', 'players': 1}, {'name': 'b', 'players': 1}],"
                + " 'rules': [{'name': 'close', 'type': 'distance', 'attribute': 'skill', 'max': 100}]}");
        List<RuledTicket> window = List.of(solo("t1000", 4000, Map.of("skill", 1000)),
                solo("t2000", 3000, Map.of("skill", 2000)), solo("t1050", 2000, Map.of("skill", 1050)),
                solo("t2060", 1000, Map.of("skill", 2060)));

        assertThat(ticketIds(propose(set, window)))
                .containsExactly(List.of("t1000", "t1050"), List.of("t2000", "t2060"));
    }

    @Test
    void proposeWhenDistanceRuleThenEachMatchReportsTheSpreadOfItsPartyValues() {
        RuleSet set = ruleSet("{'queues': ['q'], 'attributes': {'skill': {'type': 'number'}, 'level': {'type': 'number'}},"
                + " 'teams': [{'name': 'a', 'players': 2}, {'name': 'b', 'players': 2}],"
                + " 'rules': [{'name': 'close', 'type': 'distance', 'attribute': 'skill', 'max': 100},"
                + " {'name': 'near', 'type': 'distance', 'attribute': 'level', 'max': 1000}]}");
        // the duo's party value is its average, 1020; the solos are at 1000 and 1090
        List<RuledTicket> window = List.of(solo("s1000", 3000, Map.of("skill", 1000, "level", 1)),
                party("duo", 2000, null, List.of(new Player("d1", Map.of("skill", 990, "level", 1), Map.of()),
                        new Player("d2", Map.of("skill", 1050, "level", 1), Map.of()))),
                solo("s1090", 1000, Map.of("skill", 1090, "level", 900)));

        RuledMatch match = propose(set, window).matches().get(0);

        assertThat(match.skillSpread()).as("the first distance rule's attribute")
                .isEqualTo(new SkillSpread("skill", 90.0));
    }

    @Test
    void proposeWithoutDistanceRuleThenNoSpread() {
        RuleSet set = ruleSet("{'queues': ['q'], 'teams': [{'name': 'a', 'players': 1}, {'name': 'b', 'players': 1}]}");

        RuledMatch match = propose(set, List.of(solo("x", 2000, Map.of()), solo("y", 1000, Map.of()))).matches().get(0);

        assertThat(match.skillSpread()).isNull();
    }

    @Test
    void proposeWhenPartyOfTwoIn2v2ThenItStaysOnOneTeam() {
        RuleSet set = ruleSet("{'queues': ['q'], 'teams': [{'name': 'red', 'players': 2}, {'name': 'blue', 'players': 2}]}");
        List<RuledTicket> window = List.of(solo("s1", 3000, Map.of()),
                party("duo", 2000, null, List.of(new Player("d1", Map.of(), Map.of()), new Player("d2", Map.of(), Map.of()))),
                solo("s2", 1000, Map.of()));

        MatchPlan plan = propose(set, window);

        assertThat(plan.matches()).hasSize(1);
        Map<String, String> teams = teams(plan.matches().get(0));
        assertThat(teams.get("s1")).isEqualTo(teams.get("s2")).isNotEqualTo(teams.get("duo"));
    }

    @Test
    void proposeWhenTeamBalanceThenPairs1000And2000Against1100And1900() {
        RuleSet set = ruleSet("{'queues': ['q'], 'attributes': {'skill': {'type': 'number'}},"
                + " 'teams': [{'name': 'red', 'players': 2}, {'name': 'blue', 'players': 2}],"
                + " 'rules': [{'name': 'fair', 'type': 'teamBalance', 'attribute': 'skill', 'max': 50}]}");
        List<RuledTicket> window = List.of(solo("a1000", 4000, Map.of("skill", 1000)),
                solo("b1100", 3000, Map.of("skill", 1100)), solo("c1900", 2000, Map.of("skill", 1900)),
                solo("d2000", 1000, Map.of("skill", 2000)));

        Map<String, String> teams = teams(propose(set, window).matches().get(0));

        assertThat(teams.get("a1000")).isEqualTo(teams.get("d2000")).isNotEqualTo(teams.get("b1100"));
        assertThat(teams.get("b1100")).isEqualTo(teams.get("c1900"));
    }

    @Test
    void proposeWhenTeamBalanceCannotHoldThenNoMatch() {
        RuleSet set = ruleSet("{'queues': ['q'], 'attributes': {'skill': {'type': 'number'}},"
                + " 'teams': [{'name': 'red', 'players': 1}, {'name': 'blue', 'players': 1}],"
                + " 'rules': [{'name': 'fair', 'type': 'teamBalance', 'attribute': 'skill', 'max': 50}]}");

        assertThat(propose(set, List.of(solo("a", 2000, Map.of("skill", 1000)), solo("b", 1000, Map.of("skill", 1200))))
                .matches()).isEmpty();
    }

    @Test
    void proposeWhenEqualsOnModeThenCtfAndDmNeverMix() {
        RuleSet set = ruleSet("{'queues': ['q'], 'attributes': {'mode': {'type': 'string'}},"
                + " 'teams': [{'name': 'all', 'players': 2}],"
                + " 'rules': [{'name': 'same-mode', 'type': 'equals', 'attribute': 'mode'}]}");
        List<RuledTicket> window = List.of(solo("c1", 4000, Map.of("mode", "ctf")), solo("d1", 3000, Map.of("mode", "dm")),
                solo("d2", 2000, Map.of("mode", "dm")), solo("c2", 1000, Map.of("mode", "ctf")));

        MatchPlan plan = propose(set, window);

        assertThat(ticketIds(plan)).containsExactly(List.of("c1", "c2"), List.of("d1", "d2"));
        assertThat(plan.matches().get(0).matchAttributes()).containsEntry("mode", "ctf");
        assertThat(plan.matches().get(1).matchAttributes()).containsEntry("mode", "dm");
    }

    @Test
    void proposeWhenIntersectThenReportsTheFirstSharedMapOfTheOldestTicket() {
        RuleSet set = ruleSet("{'queues': ['q'], 'attributes': {'maps': {'type': 'list'}},"
                + " 'teams': [{'name': 'all', 'players': 2}],"
                + " 'rules': [{'name': 'map', 'type': 'intersect', 'attribute': 'maps', 'min': 1}]}");
        List<RuledTicket> window = List.of(solo("a", 3000, Map.of("maps", List.of("dust", "nuke", "inferno"))),
                solo("b", 2000, Map.of("maps", List.of("train"))),
                solo("c", 1000, Map.of("maps", List.of("inferno", "nuke"))));

        MatchPlan plan = propose(set, window);

        assertThat(ticketIds(plan)).containsExactly(List.of("a", "c"));
        assertThat(plan.matches().get(0).matchAttributes()).containsEntry("maps", "nuke");
    }

    @Test
    void proposeWhenLatencyRuleThenEuPlayersArePlacedInEu() {
        RuleSet set = ruleSet("{'queues': ['q'], 'teams': [{'name': 'all', 'players': 2}],"
                + " 'rules': [{'name': 'ping', 'type': 'latency', 'max': 80}]}");
        List<RuledTicket> window = List.of(
                party("a", 2000, "us-east", List.of(new Player("a", Map.of(), Map.of("eu-west", 30, "us-east", 110)))),
                party("b", 1000, null, List.of(new Player("b", Map.of(), Map.of("eu-west", 45, "us-east", 95)))));
        ServerCapacity capacity = new ServerCapacity(Map.of("eu-west", 1, "us-east", 9), 9);

        MatchPlan plan = matcher.propose(set, window, NOW, TIMING, capacity);

        assertThat(plan.matches()).singleElement().satisfies(match -> {
            assertThat(match.region()).isEqualTo("eu-west");
            assertThat(match.capacityRegion()).isEqualTo("eu-west");
        });
    }

    @Test
    void proposeWhenTheChosenRegionIsFullThenTheMatchWaits() {
        RuleSet set = ruleSet("{'queues': ['q'], 'teams': [{'name': 'all', 'players': 2}],"
                + " 'rules': [{'name': 'ping', 'type': 'latency', 'max': 120}]}");
        List<RuledTicket> window = List.of(
                party("a", 2000, null, List.of(new Player("a", Map.of(), Map.of("eu-west", 30, "us-east", 110)))),
                party("b", 1000, null, List.of(new Player("b", Map.of(), Map.of("eu-west", 45, "us-east", 95)))));
        ServerCapacity capacity = new ServerCapacity(Map.of("eu-west", 0, "us-east", 9), 9);

        assertThat(matcher.propose(set, window, NOW, TIMING, capacity).matches()).isEmpty();
    }

    @Test
    void proposeWhenAnExpansionStepIsReachedThenMatchesAndNotBefore() {
        RuleSet set = ruleSet("{'queues': ['q'], 'attributes': {'skill': {'type': 'number'}},"
                + " 'teams': [{'name': 'all', 'players': 2}],"
                + " 'rules': [{'name': 'close', 'type': 'distance', 'attribute': 'skill', 'max': 100}],"
                + " 'expansions': [{'target': 'rules[close].max', 'steps': [{'afterMs': 10000, 'value': 400}]}]}");
        List<RuledTicket> before = List.of(solo("old", 9_999, Map.of("skill", 1000)),
                solo("new", 1000, Map.of("skill", 1300)));
        List<RuledTicket> after = List.of(solo("old", 10_000, Map.of("skill", 1000)),
                solo("new", 1001, Map.of("skill", 1300)));

        MatchPlan waiting = propose(set, before);
        assertThat(waiting.matches()).isEmpty();
        assertThat(waiting.nextChangeAtMillis()).hasValue(NOW + 1);
        assertThat(ticketIds(propose(set, after))).containsExactly(List.of("old", "new"));
    }

    @Test
    void proposeWhenTeamsHaveRoomThenFormsAtMinimumOnlyAfterRelax() {
        RuleSet set = ruleSet("{'queues': ['q'], 'teams': [{'name': 'red', 'minPlayers': 1, 'maxPlayers': 2},"
                + " {'name': 'blue', 'minPlayers': 1, 'maxPlayers': 2}]}");

        assertThat(propose(set, List.of(solo("a", 29_999, Map.of()), solo("b", 1000, Map.of()))).matches()).isEmpty();
        assertThat(ticketIds(propose(set, List.of(solo("a", 30_000, Map.of()), solo("b", 1000, Map.of())))))
                .containsExactly(List.of("a", "b"));
    }

    @Test
    void proposeWhenPastMaxWaitOrBeforeMinWaitThenNeverMatched() {
        RuleSet set = ruleSet("{'queues': ['q'], 'teams': [{'name': 'all', 'players': 2}]}");
        QueueTiming timing = new QueueTiming(3000, 30_000, 60_000);
        List<RuledTicket> window = List.of(solo("expired", 60_001, Map.of()), solo("a", 5000, Map.of()),
                solo("fresh", 2999, Map.of()), solo("b", 3000, Map.of()));

        assertThat(ticketIds(matcher.propose(set, window, NOW, timing, ServerCapacity.unlimited())))
                .containsExactly(List.of("a", "b"));
    }

    @Test
    void proposeWhenTheWindowIsShuffledThenTheSameMatches() {
        RuleSet set = ruleSet("{'queues': ['q'], 'attributes': {'skill': {'type': 'number'}},"
                + " 'teams': [{'name': 'red', 'players': 2}, {'name': 'blue', 'players': 2}],"
                + " 'rules': [{'name': 'close', 'type': 'distance', 'attribute': 'skill', 'max': 300}]}");
        Random random = new Random(7);
        List<RuledTicket> window = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            window.add(solo("t" + i, random.nextInt(20_000), Map.of("skill", 1000 + random.nextInt(1000))));
        }
        MatchPlan first = propose(set, window);
        Collections.shuffle(window, random);

        assertThat(propose(set, window)).isEqualTo(first);
        assertThat(first.matches()).isNotEmpty();
    }

    @Test
    void proposeWhenTeamQuantityThenClonesAreNamedAndEachHoldsItsParty() {
        RuleSet set = ruleSet("{'queues': ['q'], 'teams': [{'name': 'squad', 'players': 2, 'quantity': 3}]}");
        List<RuledTicket> window = List.of(solo("a", 6000, Map.of()), solo("b", 5000, Map.of()),
                party("duo", 4000, null, List.of(new Player("d1", Map.of(), Map.of()), new Player("d2", Map.of(), Map.of()))),
                solo("c", 3000, Map.of()), solo("d", 2000, Map.of()));

        MatchPlan plan = propose(set, window);

        assertThat(plan.matches()).singleElement().satisfies(match -> {
            assertThat(match.players()).isEqualTo(6);
            assertThat(teams(match).values()).containsOnly("squad-1", "squad-2", "squad-3");
            assertThat(teams(match).values().stream().filter(team -> team.equals(teams(match).get("duo"))))
                    .hasSize(1);
        });
    }

    @Test
    void proposeWhenNothingCanMatchYetThenTheNextChangeIsTheEarliestMinWaitRelaxOrExpiry() {
        RuleSet set = ruleSet("{'queues': ['q'], 'teams': [{'name': 'all', 'minPlayers': 1, 'maxPlayers': 3}]}");
        QueueTiming timing = new QueueTiming(3000, 30_000, 60_000);

        MatchPlan fresh = matcher.propose(set, List.of(solo("a", 1000, Map.of())), NOW, timing,
                ServerCapacity.unlimited());
        MatchPlan waiting = matcher.propose(set, List.of(solo("a", 29_000, Map.of())), NOW, timing,
                ServerCapacity.unlimited());
        MatchPlan relaxed = matcher.propose(set, List.of(solo("a", 59_000, Map.of())), NOW, timing,
                ServerCapacity.unlimited());

        assertThat(fresh.nextChangeAtMillis()).hasValue(NOW + 2000);
        assertThat(waiting.nextChangeAtMillis()).hasValue(NOW + 1000);
        assertThat(relaxed.matches()).hasSize(1);
        assertThat(relaxed.nextChangeAtMillis()).isEmpty();
    }
}
