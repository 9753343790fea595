package dev.matchplane.matching.rules;

import static dev.matchplane.matching.rules.Tickets.ruleSet;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleSetValidatorTests {

    private static final String VALID = "{'queues': ['ranked:*'],"
            + " 'attributes': {'skill': {'type': 'number', 'default': 1500, 'party': 'avg'}, 'mode': {'type': 'string'},"
            + "   'maps': {'type': 'list'}},"
            + " 'teams': [{'name': 'red', 'players': 5}, {'name': 'blue', 'players': 5}],"
            + " 'rules': [{'name': 'close-skill', 'type': 'distance', 'attribute': 'skill', 'max': 100},"
            + "   {'name': 'fair-teams', 'type': 'teamBalance', 'attribute': 'skill', 'max': 50},"
            + "   {'name': 'same-mode', 'type': 'equals', 'attribute': 'mode'},"
            + "   {'name': 'common-map', 'type': 'intersect', 'attribute': 'maps', 'min': 1},"
            + "   {'name': 'ping', 'type': 'latency', 'max': 80}],"
            + " 'expansions': [{'target': 'rules[close-skill].max', 'steps': [{'afterMs': 10000, 'value': 200},"
            + "   {'afterMs': 30000, 'value': 1000}]},"
            + "   {'target': 'teams[red].minPlayers', 'steps': [{'afterMs': 20000, 'value': 4}]}]}";

    private static List<String> fields(String json) {
        return RuleSetValidator.validate(ruleSet(json)).stream().map(RuleSetError::field).toList();
    }

    @Test
    void validateWhenTheDocumentedExampleThenNoError() {
        assertThat(RuleSetValidator.validate(ruleSet(VALID))).isEmpty();
        assertThat(ruleSet(VALID).attributes().get("skill").defaultValue()).isEqualTo(1500);
    }

    @Test
    void validateWhenUnknownRuleTypeThenPointsAtItsType() {
        assertThat(fields(VALID.replace("'type': 'equals'", "'type': 'same'"))).containsExactly("/rules/2/type");
    }

    @Test
    void validateWhenRuleOnUndeclaredAttributeThenPointsAtTheAttribute() {
        assertThat(fields(VALID.replace("'attribute': 'mode'", "'attribute': 'rank'")))
                .containsExactly("/rules/2/attribute");
    }

    @Test
    void validateWhenAttributeOfTheWrongTypeForTheRuleThenPointsAtTheAttribute() {
        assertThat(fields(VALID.replace("'attribute': 'maps', 'min'", "'attribute': 'skill', 'min'")))
                .containsExactly("/rules/3/attribute");
        assertThat(fields(VALID.replace("'type': 'distance', 'attribute': 'skill'",
                "'type': 'distance', 'attribute': 'mode'"))).containsExactly("/rules/0/attribute");
    }

    @Test
    void validateWhenMaxNegativeThenPointsAtMax() {
        assertThat(fields(VALID.replace("'max': 80", "'max': -1"))).containsExactly("/rules/4/max");
    }

    @Test
    void validateWhenDistanceWithoutMaxThenPointsAtMax() {
        assertThat(fields(VALID.replace(", 'max': 100", ""))).containsExactly("/rules/0/max");
    }

    @Test
    void validateWhenExpansionOfUnknownTargetThenPointsAtTarget() {
        assertThat(fields(VALID.replace("rules[close-skill].max", "rules[far-skill].max")))
                .containsExactly("/expansions/0/target");
        assertThat(fields(VALID.replace("teams[red].minPlayers", "teams[green].minPlayers")))
                .containsExactly("/expansions/1/target");
        assertThat(fields(VALID.replace("rules[close-skill].max", "rules[same-mode].max")))
                .containsExactly("/expansions/0/target");
    }

    @Test
    void validateWhenStepsUnsortedThenPointsAtTheStep() {
        assertThat(fields(VALID.replace("'afterMs': 30000", "'afterMs': 5000")))
                .containsExactly("/expansions/0/steps/1/afterMs");
    }

    @Test
    void validateWhenTeamsOutOfRangeThenPointsAtEach() {
        assertThat(fields(VALID.replace("'players': 5}, {'name': 'blue'", "'players': 201}, {'name': 'blue'")))
                .containsExactly("/teams/0/players");
        assertThat(fields(VALID.replace("{'name': 'blue', 'players': 5}",
                "{'name': 'blue', 'minPlayers': 4, 'maxPlayers': 3}"))).containsExactly("/teams/1/minPlayers");
        assertThat(fields(VALID.replace("{'name': 'blue', 'players': 5}", "{'name': 'blue', 'players': 5, 'quantity': 16}")))
                .containsExactly("/teams");
        assertThat(fields(VALID.replace("[{'name': 'red', 'players': 5}, {'name': 'blue', 'players': 5}]", "[]")))
                .contains("/teams");
        assertThat(fields(VALID.replace("{'name': 'blue', 'players': 5}",
                "{'name': 'blue', 'players': 200, 'quantity': 2}"))).containsExactly("/teams");
    }

    @Test
    void validateWhenBadGlobThenPointsAtThePattern() {
        assertThat(fields(VALID.replace("['ranked:*']", "['ranked:*', 'bad key']"))).containsExactly("/queues/1");
    }

    @Test
    void validateWhenSeveralErrorsThenReportsAll() {
        String broken = VALID.replace("'max': 80", "'max': -1").replace("'type': 'equals'", "'type': 'same'")
                .replace("'afterMs': 30000", "'afterMs': 5000");
        assertThat(fields(broken)).containsExactlyInAnyOrder("/rules/4/max", "/rules/2/type",
                "/expansions/0/steps/1/afterMs");
    }

    @Test
    void validateWhenDefaultOfTheWrongTypeThenPointsAtDefault() {
        assertThat(fields(VALID.replace("'default': 1500", "'default': 'high'")))
                .containsExactly("/attributes/skill/default");
    }
}
