package dev.matchplane.matching.rules;

import static dev.matchplane.matching.rules.Tickets.NOW;
import static dev.matchplane.matching.rules.Tickets.solo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Backfill under a rule set: which tickets join a running land, on which team, with its current players. */
class BackfillMatcherTests {

    private static final long MAX_WAIT = 600_000;
    private static final RuleSet FIVES = Tickets.ruleSet("{'queues': ['r:*'], 'attributes': {'skill': {'type': "
            + "'number', 'default': 1500}, 'mode': {'type': 'string', 'default': 'ctf'}, 'maps': {'type': 'list'}},"
            + " 'teams': [{'name': 'red', 'players': 5}, {'name': 'blue', 'players': 5}]}");

    private final BackfillMatcher matcher = new BackfillMatcher();

    private static RuleSet fivesWith(String rules, String expansions) {
        return Tickets.ruleSet("{'queues': ['r:*'], 'attributes': {'skill': {'type': 'number', 'default': 1500},"
                + " 'mode': {'type': 'string', 'default': 'ctf'}, 'maps': {'type': 'list', 'default': ['dust']}},"
                + " 'teams': [{'name': 'red', 'players': 5}, {'name': 'blue', 'players': 5}],"
                + " 'rules': [" + rules + "], 'expansions': [" + expansions + "]}");
    }

    private static LandRoster land(Map<String, Integer> slots, Map<String, LandRoster.SeatedPlayer> players,
            String region, Map<String, Object> matchAttributes) {
        return new LandRoster(slots, players, region, matchAttributes);
    }

    private static LandRoster.SeatedPlayer seated(String team, Map<String, ?> attributes) {
        return new LandRoster.SeatedPlayer(team, new PlayerData(Tickets.values(attributes), Map.of()));
    }

    private static Map<String, LandRoster.SeatedPlayer> skills(String team, double... values) {
        Map<String, LandRoster.SeatedPlayer> players = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            players.put(team + i, seated(team, Map.of("skill", values[i])));
        }
        return players;
    }

    private static Map<String, String> teams(BackfillPlan plan) {
        Map<String, String> teams = new LinkedHashMap<>();
        plan.placements().forEach(p -> teams.put(p.ticket().ticketId(), p.team()));
        return teams;
    }

    @Test
    void chooseWhenOneSlotOnEachOfTwoTeamsThenTwoTicketsOnePerTeam() {
        BackfillPlan plan = matcher.choose(FIVES, land(Map.of("red", 1, "blue", 1), Map.of(), null, Map.of()),
                List.of(solo("a", 3000, Map.of()), solo("b", 2000, Map.of()), solo("c", 1000, Map.of())), NOW,
                MAX_WAIT, 100);

        assertThat(teams(plan)).containsOnlyKeys("a", "b");
        assertThat(teams(plan).values()).containsExactlyInAnyOrder("red", "blue");
    }

    @Test
    void chooseWhenADistanceRuleThenTheCurrentPlayersValuesBoundTheNewOnes() {
        RuleSet set = fivesWith("{'name': 'close', 'type': 'distance', 'attribute': 'skill', 'max': 100}", "");
        Map<String, LandRoster.SeatedPlayer> players = new LinkedHashMap<>(skills("red", 990, 1000, 1010, 1000));
        players.putAll(skills("blue", 1000, 1005, 995, 1000, 1000));

        BackfillPlan plan = matcher.choose(set, land(Map.of("red", 1), players, null, Map.of()),
                List.of(solo("far", 5000, Map.of("skill", 2000)), solo("near", 1000, Map.of("skill", 1050))), NOW,
                MAX_WAIT, 100);

        assertThat(teams(plan)).containsExactly(Map.entry("near", "red"));
    }

    @Test
    void chooseWhenCurrentPlayersAlreadySpreadWiderThanTheLimitThenNewTicketsMustBeNearEachOfThem() {
        RuleSet set = fivesWith("{'name': 'close', 'type': 'distance', 'attribute': 'skill', 'max': 100}", "");
        LandRoster land = land(Map.of("red", 1), skills("red", 900, 1100), null, Map.of());

        BackfillPlan plan = matcher.choose(set, land, List.of(solo("low", 3000, Map.of("skill", 950)),
                solo("mid", 1000, Map.of("skill", 1000))), NOW, MAX_WAIT, 100);

        assertThat(teams(plan)).containsOnlyKeys("mid");
    }

    @Test
    void chooseWhenAnExpansionStepWasReachedThenItAppliesFromTheOldestChosenTicketsWait() {
        RuleSet set = fivesWith("{'name': 'close', 'type': 'distance', 'attribute': 'skill', 'max': 100}",
                "{'target': 'rules[close].max', 'steps': [{'afterMs': 10000, 'value': 500}]}");
        LandRoster land = land(Map.of("red", 2), skills("red", 1000, 1000, 1000), null, Map.of());

        assertThat(teams(matcher.choose(set, land, List.of(solo("young", 1000, Map.of("skill", 1400))), NOW,
                MAX_WAIT, 100))).isEmpty();
        assertThat(teams(matcher.choose(set, land, List.of(solo("old", 20_000, Map.of("skill", 1000)),
                solo("young", 1000, Map.of("skill", 1400))), NOW, MAX_WAIT, 100))).containsOnlyKeys("old", "young");
    }

    @Test
    void chooseWhenTheLandsMatchReportedValuesThenNewTicketsMustShareThem() {
        RuleSet set = fivesWith("{'name': 'mode', 'type': 'equals', 'attribute': 'mode'}, "
                + "{'name': 'map', 'type': 'intersect', 'attribute': 'maps', 'min': 1}", "");
        LandRoster land = land(Map.of("blue", 3), Map.of(), null, Map.of("mode", "dm", "maps", "nuke"));

        BackfillPlan plan = matcher.choose(set, land, List.of(
                solo("ctf", 5000, Map.of("mode", "ctf", "maps", List.of("nuke"))),
                solo("dust-only", 4000, Map.of("mode", "dm", "maps", List.of("dust"))),
                solo("fits", 3000, Map.of("mode", "dm", "maps", List.of("dust", "nuke")))), NOW, MAX_WAIT, 100);

        assertThat(teams(plan)).containsOnlyKeys("fits");
        assertThat(plan.matchAttributes()).isEqualTo(Map.of("mode", "dm", "maps", "nuke"));
    }

    @Test
    void chooseWhenTheLandsMatchIsUnknownThenTheCurrentPlayersValuesDecideAndAreReported() {
        RuleSet set = fivesWith("{'name': 'mode', 'type': 'equals', 'attribute': 'mode'}", "");
        LandRoster land = land(Map.of("red", 1), Map.of("p", seated("red", Map.of("mode", "koth"))), null, Map.of());

        BackfillPlan plan = matcher.choose(set, land, List.of(solo("ctf", 5000, Map.of()),
                solo("koth", 1000, Map.of("mode", "koth"))), NOW, MAX_WAIT, 100);

        assertThat(teams(plan)).containsOnlyKeys("koth");
        assertThat(plan.matchAttributes()).isEqualTo(Map.of("mode", "koth"));
    }

    @Test
    void chooseWhenALatencyRuleThenNewPlayersMustReachTheLandsRegion() {
        RuleSet set = fivesWith("{'name': 'ping', 'type': 'latency', 'max': 80}", "");
        LandRoster land = land(Map.of("red", 3), Map.of(), "eu-west", Map.of());

        BackfillPlan plan = matcher.choose(set, land, List.of(
                Tickets.party("slow", 5000, null, List.of(new Tickets.Player("s", Map.of(), Map.of("eu-west", 120)))),
                Tickets.party("elsewhere", 4000, null, List.of(new Tickets.Player("e", Map.of(),
                        Map.of("us-east", 10)))),
                Tickets.party("close", 3000, null, List.of(new Tickets.Player("c", Map.of(), Map.of("eu-west", 40)))),
                solo("silent", 2000, Map.of())), NOW, MAX_WAIT, 100);

        assertThat(teams(plan)).containsOnlyKeys("close", "silent");
    }

    @Test
    void chooseWhenATeamBalanceRuleThenTheTicketGoesWhereTheAveragesStayWithinTheLimit() {
        RuleSet set = fivesWith("{'name': 'fair', 'type': 'teamBalance', 'attribute': 'skill', 'max': 50}", "");
        Map<String, LandRoster.SeatedPlayer> players = new LinkedHashMap<>(skills("red", 1000, 1000, 1000, 1000));
        players.putAll(skills("blue", 1000, 1000, 1000, 1000));
        LandRoster land = land(Map.of("red", 1, "blue", 1), players, null, Map.of());

        BackfillPlan plan = matcher.choose(set, land, List.of(solo("strong", 5000, Map.of("skill", 1400)),
                solo("good", 4000, Map.of("skill", 1200)), solo("weak", 3000, Map.of("skill", 800)),
                solo("fine", 2000, Map.of("skill", 1150))), NOW, MAX_WAIT, 100);

        assertThat(teams(plan)).as("1400 tips a team by 80; 1200 by 40; then 800 would part them by 80, 1150 by 10")
                .containsOnlyKeys("good", "fine");
        assertThat(teams(plan).get("good")).isNotEqualTo(teams(plan).get("fine"));
    }

    @Test
    void chooseNeverOverfillsATeamNorSplitsAParty() {
        List<RuledTicket> window = List.of(
                Tickets.party("trio", 5000, null, List.of(new Tickets.Player("a", Map.of(), Map.of()),
                        new Tickets.Player("b", Map.of(), Map.of()), new Tickets.Player("c", Map.of(), Map.of()))),
                Tickets.party("duo", 4000, null, List.of(new Tickets.Player("d", Map.of(), Map.of()),
                        new Tickets.Player("e", Map.of(), Map.of()))),
                solo("one", 3000, Map.of()), solo("two", 2000, Map.of()));

        BackfillPlan plan = matcher.choose(FIVES, land(Map.of("red", 2, "blue", 1), Map.of(), null, Map.of()),
                window, NOW, MAX_WAIT, 100);

        assertThat(teams(plan)).containsExactly(Map.entry("duo", "red"), Map.entry("one", "blue"));
    }

    @Test
    void chooseLeavesOutTicketsPastMaxWaitAndBeyondTheBudget() {
        LandRoster land = land(Map.of("red", 3), Map.of(), null, Map.of());
        List<RuledTicket> window = List.of(solo("overdue", MAX_WAIT + 1, Map.of()), solo("a", 3000, Map.of()),
                solo("b", 2000, Map.of()), solo("c", 1000, Map.of()));

        assertThat(teams(matcher.choose(FIVES, land, window, NOW, MAX_WAIT, 2))).containsOnlyKeys("a", "b");
    }
}
