package dev.matchplane.matching.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An independent reading of backfill under a rule set, from the {@link RuleSet} and the raw player data (none of
 * the matcher's compiled forms): the violations of one backfill plan against its land.
 */
final class BackfillJudge {

    private BackfillJudge() {
    }

    static List<String> violations(RuleSet set, LandRoster land, List<RuledTicket> window, long now, long maxWait,
            BackfillPlan plan) {
        List<String> out = new ArrayList<>();
        if (plan.placements().isEmpty()) {
            return out;
        }
        Map<String, Integer> used = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (RuledMatch.Placement placement : plan.placements()) {
            RuledTicket ticket = placement.ticket();
            if (!window.contains(ticket) || !seen.add(ticket.ticketId()) || now - ticket.enqueuedAtMillis() > maxWait) {
                out.add(ticket.ticketId() + " not in the window, chosen twice or past max wait");
            }
            used.merge(placement.team(), ticket.groupSize(), Integer::sum);
        }
        used.forEach((team, players) -> {
            if (players > land.openSlots().getOrDefault(team, 0)) {
                out.add("team " + team + " took " + players + " of " + land.openSlots().get(team) + " slots");
            }
        });
        long waited = now - plan.placements().stream().mapToLong(p -> p.ticket().enqueuedAtMillis()).min().orElseThrow();
        for (RuleSet.Rule rule : set.rules()) {
            double max = HardRules.expanded(set, "rules[" + rule.name() + "].max",
                    rule.max() == null ? Double.POSITIVE_INFINITY : rule.max(), waited);
            switch (rule.type()) {
                case "distance" -> distance(set, rule, land, plan, max, out);
                case "equals" -> equals(set, rule, land, plan, out);
                case "intersect" -> intersect(set, rule, land, plan, waited, out);
                case "latency" -> latency(rule, land, plan, max, out);
                case "teamBalance" -> balance(set, rule, land, plan, max, out);
                default -> out.add("unknown rule " + rule.type());
            }
        }
        return out;
    }

    private static double party(RuleSet set, String attribute, RuledTicket ticket) {
        var values = HardRules.values(set, attribute, ticket).stream().mapToDouble(v -> ((Number) v).doubleValue())
                .summaryStatistics();
        return switch (set.attributes().get(attribute).partyOrDefault()) {
            case "min" -> values.getMin();
            case "max" -> values.getMax();
            default -> values.getAverage();
        };
    }

    private static Object seatedValue(RuleSet set, String attribute, LandRoster.SeatedPlayer player) {
        AttributeValue value = player.data().attributes().get(attribute);
        return value != null ? value.json() : set.attributes().get(attribute).defaultValue();
    }

    private static void distance(RuleSet set, RuleSet.Rule rule, LandRoster land, BackfillPlan plan, double max,
            List<String> out) {
        List<Double> fresh = plan.placements().stream().map(p -> party(set, rule.attribute(), p.ticket())).toList();
        List<Double> seated = land.players().values().stream()
                .map(p -> ((Number) seatedValue(set, rule.attribute(), p)).doubleValue()).toList();
        for (double a : fresh) {
            for (double b : fresh) {
                check(Math.abs(a - b) <= max + 1e-9, rule, "new " + a + " vs new " + b, out);
            }
            for (double b : seated) {
                check(Math.abs(a - b) <= max + 1e-9, rule, "new " + a + " vs current " + b, out);
            }
        }
    }

    private static void equals(RuleSet set, RuleSet.Rule rule, LandRoster land, BackfillPlan plan, List<String> out) {
        Set<Object> distinct = new HashSet<>();
        plan.placements().forEach(p -> HardRules.values(set, rule.attribute(), p.ticket()).forEach(distinct::add));
        land.players().values().forEach(p -> distinct.add(seatedValue(set, rule.attribute(), p)));
        Object reported = land.matchAttributes().get(rule.attribute());
        if (reported != null) {
            distinct.add(reported);
        }
        check(distinct.size() == 1, rule, "values " + distinct, out);
    }

    private static void intersect(RuleSet set, RuleSet.Rule rule, LandRoster land, BackfillPlan plan, long waited,
            List<String> out) {
        List<Collection<?>> lists = new ArrayList<>();
        plan.placements().forEach(p -> HardRules.values(set, rule.attribute(), p.ticket())
                .forEach(v -> lists.add((Collection<?>) v)));
        Object reported = land.matchAttributes().get(rule.attribute());
        check(reported == null || lists.stream().allMatch(l -> l.contains(reported)), rule,
                "a new player lacks " + reported + ", which the land plays", out);
        land.players().values().forEach(p -> lists.add((Collection<?>) seatedValue(set, rule.attribute(), p)));
        Set<Object> shared = new HashSet<>(lists.get(0));
        lists.forEach(shared::retainAll);
        double min = HardRules.expanded(set, "rules[" + rule.name() + "].min", rule.min() == null ? 1 : rule.min(),
                waited);
        check(shared.size() >= min, rule, "shared " + shared + " (min " + min + ")", out);
    }

    private static void latency(RuleSet.Rule rule, LandRoster land, BackfillPlan plan, double max, List<String> out) {
        List<Map<String, Integer>> fresh = plan.placements().stream().flatMap(p -> p.ticket().members().stream()
                .map(m -> p.ticket().player(m).latencies())).filter(l -> !l.isEmpty()).toList();
        if (land.region() != null) {
            fresh.forEach(l -> check(l.getOrDefault(land.region(), Integer.MAX_VALUE) <= max, rule,
                    "latency " + l + " to " + land.region(), out));
        }
        else if (!fresh.isEmpty()) {
            List<Map<String, Integer>> everyone = new ArrayList<>(fresh);
            land.players().values().stream().map(p -> p.data().latencies()).filter(l -> !l.isEmpty())
                    .forEach(everyone::add);
            Set<String> regions = new HashSet<>();
            everyone.forEach(l -> regions.addAll(l.keySet()));
            check(regions.stream().anyMatch(r -> everyone.stream().allMatch(l -> l.getOrDefault(r,
                    Integer.MAX_VALUE) <= max)), rule, "no region within " + max + " for " + everyone, out);
        }
    }

    /** The spread of team averages after the fill, within the limit or no wider than the current players' own. */
    private static void balance(RuleSet set, RuleSet.Rule rule, LandRoster land, BackfillPlan plan, double max,
            List<String> out) {
        Map<String, double[]> teams = new HashMap<>();
        land.players().values().forEach(p -> add(teams, p.team(),
                ((Number) seatedValue(set, rule.attribute(), p)).doubleValue()));
        double before = spread(teams);
        plan.placements().forEach(p -> HardRules.values(set, rule.attribute(), p.ticket())
                .forEach(v -> add(teams, p.team(), ((Number) v).doubleValue())));
        double after = spread(teams);
        check(after <= Math.max(max, before) + 1e-6, rule, "spread " + after + " (before " + before + ")", out);
    }

    private static void add(Map<String, double[]> teams, String team, double value) {
        double[] sum = teams.computeIfAbsent(team, t -> new double[2]);
        sum[0] += value;
        sum[1]++;
    }

    private static double spread(Map<String, double[]> teams) {
        var averages = teams.values().stream().mapToDouble(t -> t[0] / t[1]).summaryStatistics();
        return teams.isEmpty() ? 0 : averages.getMax() - averages.getMin();
    }

    private static void check(boolean holds, RuleSet.Rule rule, String what, List<String> out) {
        if (!holds) {
            out.add(rule.name() + ": " + what);
        }
    }
}
