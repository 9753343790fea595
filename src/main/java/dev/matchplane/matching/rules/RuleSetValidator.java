package dev.matchplane.matching.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every error of a rule set at once, each with the JSON pointer of the offending field, so an operator fixes a
 * set in one round trip. An empty list means the set may be stored and matched with.
 */
public final class RuleSetValidator {

    static final int MAX_TEAMS = 16;
    static final int MAX_PER_TEAM = 200;
    static final int MAX_PER_MATCH = 400;
    private static final Set<String> TYPES = Set.of("number", "string", "list");
    private static final Set<String> PARTY = Set.of("avg", "min", "max");

    private RuleSetValidator() {
    }

    public static List<RuleSetError> validate(RuleSet set) {
        List<RuleSetError> errors = new ArrayList<>();
        queues(set, errors);
        set.attributes().forEach((name, attribute) -> attribute(name, attribute, errors));
        teams(set, errors);
        rules(set, errors);
        ExpansionTargets.validate(set, errors);
        return List.copyOf(errors);
    }

    private static void queues(RuleSet set, List<RuleSetError> errors) {
        if (set.queues().isEmpty()) {
            errors.add(new RuleSetError("/queues", "at least one queue pattern is required"));
        }
        for (int i = 0; i < set.queues().size(); i++) {
            if (!QueueGlobs.isValid(set.queues().get(i))) {
                errors.add(new RuleSetError("/queues/" + i,
                        "a pattern is 1-128 characters of A-Z a-z 0-9 . _ : - and *"));
            }
        }
    }

    private static void attribute(String name, RuleSet.Attribute attribute, List<RuleSetError> errors) {
        String at = "/attributes/" + pointerToken(name);
        if (attribute.type() == null || !TYPES.contains(attribute.type())) {
            errors.add(new RuleSetError(at + "/type", "type must be number, string or list"));
            return;
        }
        if (attribute.defaultValue() != null) {
            AttributeValue value = AttributeValue.fromJson(attribute.defaultValue());
            if (value == null || !value.type().equals(attribute.type())) {
                errors.add(new RuleSetError(at + "/default", "default must be a valid " + attribute.type()));
            }
        }
        if (attribute.party() != null && (!"number".equals(attribute.type()) || !PARTY.contains(attribute.party()))) {
            errors.add(new RuleSetError(at + "/party", "party is avg, min or max, on number attributes only"));
        }
    }

    private static void teams(RuleSet set, List<RuleSetError> errors) {
        int clones = 0;
        int players = 0;
        Set<String> names = new HashSet<>();
        for (int i = 0; i < set.teams().size(); i++) {
            RuleSet.Team team = set.teams().get(i);
            team(team, "/teams/" + i, names, errors);
            clones += Math.max(1, team.copies());
            players += Math.max(1, team.copies()) * team.max();
        }
        if (set.teams().isEmpty() || clones > MAX_TEAMS) {
            errors.add(new RuleSetError("/teams", "1-16 teams per match (quantity counts each copy)"));
        }
        if (players > MAX_PER_MATCH) {
            errors.add(new RuleSetError("/teams", "at most 400 players per match, was " + players));
        }
    }

    private static void team(RuleSet.Team team, String at, Set<String> names, List<RuleSetError> errors) {
        if (team.name() == null || team.name().isBlank() || !names.add(team.name())) {
            errors.add(new RuleSetError(at + "/name", "a team needs a unique, non-blank name"));
        }
        if (team.players() != null && (team.minPlayers() != null || team.maxPlayers() != null)) {
            errors.add(new RuleSetError(at + "/players", "give players, or minPlayers/maxPlayers, not both"));
        }
        inRange(team.players(), at + "/players", errors);
        inRange(team.minPlayers(), at + "/minPlayers", errors);
        inRange(team.maxPlayers(), at + "/maxPlayers", errors);
        if (team.minPlayers() != null && team.maxPlayers() != null && team.minPlayers() > team.maxPlayers()) {
            errors.add(new RuleSetError(at + "/minPlayers", "minPlayers must not exceed maxPlayers"));
        }
        if (team.quantity() != null && (team.quantity() < 1 || team.quantity() > MAX_TEAMS)) {
            errors.add(new RuleSetError(at + "/quantity", "quantity is 1-16"));
        }
    }

    private static void inRange(Integer value, String at, List<RuleSetError> errors) {
        if (value != null && (value < 1 || value > MAX_PER_TEAM)) {
            errors.add(new RuleSetError(at, "1-200 players per team"));
        }
    }

    private static void rules(RuleSet set, List<RuleSetError> errors) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < set.rules().size(); i++) {
            RuleSet.Rule rule = set.rules().get(i);
            String at = "/rules/" + i;
            if (rule.name() == null || rule.name().isBlank() || !names.add(rule.name())) {
                errors.add(new RuleSetError(at + "/name", "a rule needs a unique, non-blank name"));
            }
            RuleType type = RuleType.parse(rule.type());
            if (type == null) {
                errors.add(new RuleSetError(at + "/type",
                        "unknown rule type; one of distance, teamBalance, equals, intersect, latency"));
                continue;
            }
            ruleAttribute(rule, type, set.attributes(), at, errors);
            ruleBounds(rule, type, at, errors);
        }
    }

    private static void ruleAttribute(RuleSet.Rule rule, RuleType type, Map<String, RuleSet.Attribute> attributes,
            String at, List<RuleSetError> errors) {
        if (type == RuleType.LATENCY) {
            return;
        }
        RuleSet.Attribute attribute = rule.attribute() == null ? null : attributes.get(rule.attribute());
        if (attribute == null) {
            errors.add(new RuleSetError(at + "/attribute", "the rule's attribute must be declared in attributes"));
        } else if (attribute.type() != null && !type.accepts(attribute.type())) {
            errors.add(new RuleSetError(at + "/attribute", type.json() + " needs " + type.attributeTypes()
                    + " attribute, '" + rule.attribute() + "' is " + attribute.type()));
        }
    }

    private static void ruleBounds(RuleSet.Rule rule, RuleType type, String at, List<RuleSetError> errors) {
        if (type.needsMax() && rule.max() == null) {
            errors.add(new RuleSetError(at + "/max", type.json() + " needs max"));
        }
        if (rule.max() != null && (rule.max() < 0 || rule.max().isNaN() || rule.max().isInfinite())) {
            errors.add(new RuleSetError(at + "/max", "max must be a finite number >= 0"));
        }
        if (rule.min() != null && rule.min() < 1) {
            errors.add(new RuleSetError(at + "/min", "min must be >= 1"));
        }
    }

    /** RFC 6901: {@code ~} and {@code /} in a member name are escaped. */
    static String pointerToken(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
