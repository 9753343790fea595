package dev.matchplane.matching.rules;

import static dev.matchplane.matching.rules.Tickets.ruleSet;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueGlobsTests {

    private static RuleSet forQueues(String... patterns) {
        return ruleSet("{'queues': ['" + String.join("','", patterns) + "'], 'teams': [{'name': 'a', 'players': 1}]}");
    }

    @Test
    void matchesWhenStarThenAnyRunOfCharacters() {
        assertThat(QueueGlobs.matches("ranked:*", "ranked:5v5:eu")).isTrue();
        assertThat(QueueGlobs.matches("ranked:*", "ranked:")).isTrue();
        assertThat(QueueGlobs.matches("*:eu", "ranked:5v5:eu")).isTrue();
        assertThat(QueueGlobs.matches("r*d:*:eu", "ranked:5v5:eu")).isTrue();
        assertThat(QueueGlobs.matches("ranked:*", "casual:5v5")).isFalse();
        assertThat(QueueGlobs.matches("ranked", "ranked:5v5")).isFalse();
        assertThat(QueueGlobs.matches("r.nked", "ranked")).isFalse();
    }

    @Test
    void selectWhenSeveralMatchThenFewestStarsThenLongestWins() {
        Map<String, RuleSet> sets = Map.of("any", forQueues("*"), "ranked", forQueues("ranked:*"),
                "ranked-eu", forQueues("ranked:*:eu"), "exact", forQueues("ranked:5v5:eu"),
                "two-stars", forQueues("*:5v5:*"));
        assertThat(QueueGlobs.select(sets, "ranked:5v5:eu")).contains("exact");
        assertThat(QueueGlobs.select(sets, "ranked:4v4:eu")).contains("ranked-eu");
        assertThat(QueueGlobs.select(sets, "ranked:4v4:us")).contains("ranked");
        // one star beats two, however long the two-star pattern is
        assertThat(QueueGlobs.select(sets, "casual:5v5:us")).contains("any");
        assertThat(QueueGlobs.select(Map.of("two-stars", forQueues("*:5v5:*"), "casual", forQueues("casual*")),
                "casual:5v5:us")).contains("casual");
        assertThat(QueueGlobs.select(sets, "casual")).contains("any");
        assertThat(QueueGlobs.select(Map.of("ranked", forQueues("ranked:*")), "casual")).isEmpty();
    }

    @Test
    void selectWhenEquallySpecificThenTheFirstNameWinsWhateverTheMapOrder() {
        Map<String, RuleSet> sets = Map.of("b", forQueues("ranked:*"), "a", forQueues("ranked:*"));
        assertThat(QueueGlobs.select(sets, "ranked:1")).contains("a");
    }
}
