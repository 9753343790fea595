package dev.matchplane.matching.rules;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Parses and checks expansion targets: {@code rules[<name>].max|min} and {@code teams[<name>].minPlayers}. */
final class ExpansionTargets {

    private static final Pattern TARGET = Pattern.compile("(rules|teams)\\[([^\\]]+)]\\.(max|min|minPlayers)");

    /** A parsed target; {@code field} is max, min or minPlayers. */
    record Target(boolean rule, String name, String field) {
    }

    private ExpansionTargets() {
    }

    static @Nullable Target parse(@Nullable String target) {
        Matcher matcher = target == null ? null : TARGET.matcher(target);
        if (matcher == null || !matcher.matches()) {
            return null;
        }
        boolean rule = matcher.group(1).equals("rules");
        String field = matcher.group(3);
        if (rule == field.equals("minPlayers")) {
            return null;
        }
        return new Target(rule, matcher.group(2), field);
    }

    static void validate(RuleSet set, List<RuleSetError> errors) {
        for (int i = 0; i < set.expansions().size(); i++) {
            RuleSet.Expansion expansion = set.expansions().get(i);
            String at = "/expansions/" + i;
            Target target = parse(expansion.target());
            if (target == null || !exists(set, target)) {
                errors.add(new RuleSetError(at + "/target", "unknown target; rules[<name>].max, rules[<name>].min"
                        + " or teams[<name>].minPlayers of a declared rule or team"));
            }
            steps(expansion, target, at, errors);
        }
    }

    private static boolean exists(RuleSet set, Target target) {
        if (!target.rule()) {
            return set.teams().stream().anyMatch(team -> target.name().equals(team.name()));
        }
        return set.rules().stream().filter(rule -> target.name().equals(rule.name())).anyMatch(rule -> {
            RuleType type = RuleType.parse(rule.type());
            return target.field().equals("max") ? type != null && type.needsMax() : type == RuleType.INTERSECT;
        });
    }

    private static void steps(RuleSet.Expansion expansion, @Nullable Target target, String at,
            List<RuleSetError> errors) {
        if (expansion.steps().isEmpty()) {
            errors.add(new RuleSetError(at + "/steps", "at least one step"));
        }
        long previous = -1;
        for (int j = 0; j < expansion.steps().size(); j++) {
            RuleSet.Step step = expansion.steps().get(j);
            String stepAt = at + "/steps/" + j;
            if (step.afterMs() < 0 || step.afterMs() <= previous) {
                errors.add(new RuleSetError(stepAt + "/afterMs", "steps in strictly ascending afterMs, from 0"));
            }
            previous = Math.max(previous, step.afterMs());
            if (!valueFits(target, step.value())) {
                errors.add(new RuleSetError(stepAt + "/value", target != null && !target.rule()
                        ? "minPlayers steps are whole numbers 1-200" : "a finite number >= 0 (min: >= 1, whole)"));
            }
        }
    }

    private static boolean valueFits(@Nullable Target target, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value < 0) {
            return false;
        }
        if (target == null || target.field().equals("max")) {
            return true;
        }
        boolean whole = value == Math.rint(value);
        return whole && value >= 1 && (target.rule() || value <= RuleSetValidator.MAX_PER_TEAM);
    }
}
