package dev.matchplane.matching.rules;

import static dev.matchplane.matching.rules.Tickets.ruleSet;
import static dev.matchplane.matching.rules.Tickets.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlayerDataCheckTests {

    private static final RuleSet SET = ruleSet("{'queues': ['q'], 'attributes': {'skill': {'type': 'number', 'default': 1500},"
            + " 'mode': {'type': 'string'}}, 'teams': [{'name': 'red', 'players': 2}, {'name': 'blue', 'players': 2}]}");

    private static PlayerData attributes(Map<String, ?> attributes) {
        return new PlayerData(values(attributes), Map.of());
    }

    @Test
    void checkWhenEveryRequiredAttributeIsThereThenAccepted() {
        assertThat(PlayerDataCheck.check(SET, List.of("alice"), Map.of("alice", attributes(Map.of("mode", "ctf")))))
                .isInstanceOf(EnqueueCheck.Accepted.class);
    }

    @Test
    void checkWhenAMemberLacksAnAttributeWithoutDefaultThenAttributeRequired() {
        assertThat(PlayerDataCheck.check(SET, List.of("alice", "bob"), Map.of("alice", attributes(Map.of("mode", "ctf")))))
                .isEqualTo(new EnqueueCheck.AttributeRequired("bob", "mode"));
    }

    @Test
    void checkWhenAValueHasTheWrongTypeThenInvalidWithItsField() {
        assertThat(PlayerDataCheck.check(SET, List.of("alice"),
                Map.of("alice", attributes(Map.of("mode", "ctf", "skill", "high")))))
                .isEqualTo(new EnqueueCheck.Invalid(List.of(
                        new EnqueueCheck.FieldError("players.alice.attributes.skill", "must be a number"))));
    }

    @Test
    void checkWhenPlayerDataForANonMemberThenInvalid() {
        assertThat(PlayerDataCheck.check(SET, List.of("alice"), Map.of("mallory", attributes(Map.of("mode", "ctf")))))
                .isInstanceOfSatisfying(EnqueueCheck.Invalid.class,
                        invalid -> assertThat(invalid.errors().get(0).field()).isEqualTo("players.mallory"));
    }

    @Test
    void checkWhenThePartyExceedsEveryTeamThenPartyTooLarge() {
        assertThat(PlayerDataCheck.check(SET, List.of("a", "b", "c"), Map.of()))
                .isEqualTo(new EnqueueCheck.PartyTooLarge(3, 2));
    }
}
