package dev.matchplane.matching.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A validated rule set in the shape the matcher reads per candidate: rules and teams as arrays (team clones
 * expanded to {@code <name>-1..n}) and the expansion steps, so {@link #at(long)} gives the limits in force for an
 * oldest-ticket wait without parsing anything.
 */
final class CompiledRules {

    /** Limits in force: per rule its max and min, per team its minimum. */
    record Limits(double[] max, int[] min, int[] teamMin) {
    }

    private record Step(long afterMs, double value) {
    }

    /** field: 0 rule max, 1 rule min, 2 team min; index: the rule, or the team clones' base name index. */
    private record Expansion(int field, int[] indexes, List<Step> steps) {
    }

    final RuleSet source;
    final RuleType[] types;
    final String[] attributes;
    final String[] teamNames;
    private final String[] teamBases;
    final int[] teamMax;
    final int maxPlayers;
    private final double[] baseMax;
    private final int[] baseMin;
    private final int[] teamBaseMin;
    private final List<Expansion> expansions = new ArrayList<>();

    /** @throws IllegalArgumentException for a set {@link RuleSetValidator} refuses */
    CompiledRules(RuleSet set) {
        List<RuleSetError> errors = RuleSetValidator.validate(set);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid rule set: " + errors);
        }
        source = set;
        int rules = set.rules().size();
        types = new RuleType[rules];
        attributes = new String[rules];
        baseMax = new double[rules];
        baseMin = new int[rules];
        for (int i = 0; i < rules; i++) {
            RuleSet.Rule rule = set.rules().get(i);
            types[i] = RuleType.parse(rule.type());
            attributes[i] = rule.attribute();
            baseMax[i] = rule.max() == null ? Double.POSITIVE_INFINITY : rule.max();
            baseMin[i] = rule.min() == null ? 1 : rule.min();
        }
        List<String> names = new ArrayList<>();
        List<String> bases = new ArrayList<>();
        List<int[]> bounds = new ArrayList<>();
        for (RuleSet.Team team : set.teams()) {
            for (String name : team.names()) {
                names.add(name);
                bases.add(team.name());
                bounds.add(new int[] {team.min(), team.max()});
            }
        }
        teamNames = names.toArray(String[]::new);
        teamBases = bases.toArray(String[]::new);
        teamBaseMin = bounds.stream().mapToInt(b -> b[0]).toArray();
        teamMax = bounds.stream().mapToInt(b -> b[1]).toArray();
        maxPlayers = bounds.stream().mapToInt(b -> b[1]).sum();
        set.expansions().forEach(this::compile);
    }

    private void compile(RuleSet.Expansion expansion) {
        ExpansionTargets.Target target = ExpansionTargets.parse(expansion.target());
        List<Step> steps = expansion.steps().stream().map(s -> new Step(s.afterMs(), s.value())).toList();
        if (target.rule()) {
            int rule = ruleIndex(target.name());
            expansions.add(new Expansion(target.field().equals("max") ? 0 : 1, new int[] {rule}, steps));
        } else {
            expansions.add(new Expansion(2, teamIndexes(target.name()), steps));
        }
    }

    private int ruleIndex(String name) {
        for (int i = 0; i < types.length; i++) {
            if (source.rules().get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("validated target names a rule: " + name);
    }

    private int[] teamIndexes(String base) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < teamNames.length; i++) {
            if (teamBases[i].equals(base)) {
                indexes.add(i);
            }
        }
        return indexes.stream().mapToInt(Integer::intValue).toArray();
    }

    Limits at(long oldestWaitMs) {
        double[] max = baseMax.clone();
        int[] min = baseMin.clone();
        int[] teamMin = teamBaseMin.clone();
        for (Expansion expansion : expansions) {
            Step reached = null;
            for (Step step : expansion.steps()) {
                if (oldestWaitMs >= step.afterMs()) {
                    reached = step;
                }
            }
            if (reached != null) {
                for (int index : expansion.indexes()) {
                    switch (expansion.field()) {
                        case 0 -> max[index] = reached.value();
                        case 1 -> min[index] = (int) reached.value();
                        default -> teamMin[index] = Math.min(teamMax[index], (int) reached.value());
                    }
                }
            }
        }
        return new Limits(max, min, teamMin);
    }

    /** The earliest step strictly after {@code waitedMs}, as a wait, or -1. */
    long nextStepAfter(long waitedMs) {
        long next = -1;
        for (Expansion expansion : expansions) {
            for (Step step : expansion.steps()) {
                if (step.afterMs() > waitedMs && (next < 0 || step.afterMs() < next)) {
                    next = step.afterMs();
                }
            }
        }
        return next;
    }

    int firstRule(RuleType type) {
        for (int i = 0; i < types.length; i++) {
            if (types[i] == type) {
                return i;
            }
        }
        return -1;
    }

    double latencyMax(Limits limits) {
        double max = -1;
        for (int i = 0; i < types.length; i++) {
            if (types[i] == RuleType.LATENCY) {
                max = max < 0 ? limits.max()[i] : Math.min(max, limits.max()[i]);
            }
        }
        return max;
    }
}
