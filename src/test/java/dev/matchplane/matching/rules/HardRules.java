package dev.matchplane.matching.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An independent reading of the rule-set semantics, straight from the {@link RuleSet} and the raw player data
 * (none of the matcher's compiled forms): the violations of one proposed match, or of a whole plan.
 */
final class HardRules {

    private HardRules() {
    }

    static List<String> violations(RuleSet set, List<RuledTicket> window, long now, QueueTiming timing,
            ServerCapacity capacity, MatchPlan plan) {
        List<String> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, Integer> landsUsed = new HashMap<>();
        for (RuledMatch match : plan.matches()) {
            for (RuledMatch.Placement placement : match.tickets()) {
                if (!window.contains(placement.ticket()) || !seen.add(placement.ticket().ticketId())) {
                    violations.add("ticket not in the window or in two matches: " + placement.ticket().ticketId());
                }
            }
            violations.addAll(violations(set, match, now, timing));
            landsUsed.merge(String.valueOf(match.capacityRegion()), 1, Integer::sum);
        }
        landsUsed.forEach((region, used) -> {
            long free = region.equals("null") ? capacity.freeWithoutRegion()
                    : capacity.freeByRegion().getOrDefault(region, 0);
            if (used > free) {
                violations.add(used + " lands in region " + region + " with " + free + " free");
            }
        });
        return violations;
    }

    static List<String> violations(RuleSet set, RuledMatch match, long now, QueueTiming timing) {
        List<String> out = new ArrayList<>();
        List<RuledTicket> tickets = match.tickets().stream().map(RuledMatch.Placement::ticket).toList();
        long oldest = tickets.stream().mapToLong(RuledTicket::enqueuedAtMillis).min().orElseThrow();
        long waited = now - oldest;
        for (RuledTicket ticket : tickets) {
            long wait = now - ticket.enqueuedAtMillis();
            if (wait < timing.minWaitMs() || wait > timing.maxWaitMs()) {
                out.add(ticket.ticketId() + " waited " + wait + " outside min/max wait");
            }
        }
        teams(set, match, waited, timing, out);
        for (RuleSet.Rule rule : set.rules()) {
            rule(set, rule, match, tickets, waited, out);
        }
        return out;
    }

    private static void teams(RuleSet set, RuledMatch match, long waited, QueueTiming timing, List<String> out) {
        Map<String, int[]> bounds = new LinkedHashMap<>();
        for (RuleSet.Team team : set.teams()) {
            int copies = team.quantity() == null ? 1 : team.quantity();
            int max = team.players() != null ? team.players() : team.maxPlayers() != null ? team.maxPlayers()
                    : team.minPlayers();
            int min = team.players() != null ? team.players() : team.minPlayers() != null ? team.minPlayers() : 1;
            double expanded = expanded(set, "teams[" + team.name() + "].minPlayers", min, waited);
            for (int copy = 1; copy <= copies; copy++) {
                bounds.put(copies == 1 ? team.name() : team.name() + "-" + copy,
                        new int[] {Math.min(max, (int) expanded), max, 0});
            }
        }
        for (RuledMatch.Placement placement : match.tickets()) {
            int[] team = bounds.get(placement.team());
            if (team == null) {
                out.add("unknown team " + placement.team());
                return;
            }
            team[2] += placement.ticket().groupSize();
        }
        boolean full = bounds.values().stream().allMatch(b -> b[2] == b[1]);
        for (Map.Entry<String, int[]> team : bounds.entrySet()) {
            int[] b = team.getValue();
            if (b[2] > b[1] || !full && (b[2] < b[0] || waited < timing.relaxAfterMs())) {
                out.add("team " + team.getKey() + " has " + b[2] + " players, bounds " + b[0] + ".." + b[1]
                        + (full ? "" : " (not full, oldest waited " + waited + ")"));
            }
        }
    }

    static double expanded(RuleSet set, String target, double base, long waited) {
        double value = base;
        for (RuleSet.Expansion expansion : set.expansions()) {
            if (expansion.target().equals(target)) {
                for (RuleSet.Step step : expansion.steps()) {
                    if (waited >= step.afterMs()) {
                        value = step.value();
                    }
                }
            }
        }
        return value;
    }

    static List<Object> values(RuleSet set, String attribute, RuledTicket ticket) {
        List<Object> values = new ArrayList<>();
        for (String member : ticket.members()) {
            AttributeValue value = ticket.player(member).attributes().get(attribute);
            values.add(value != null ? value.json() : set.attributes().get(attribute).defaultValue());
        }
        return values;
    }

    private static void rule(RuleSet set, RuleSet.Rule rule, RuledMatch match, List<RuledTicket> tickets,
            long waited, List<String> out) {
        double max = expanded(set, "rules[" + rule.name() + "].max",
                rule.max() == null ? Double.POSITIVE_INFINITY : rule.max(), waited);
        switch (rule.type()) {
            case "distance" -> {
                String party = set.attributes().get(rule.attribute()).partyOrDefault();
                var stats = tickets.stream().mapToDouble(t -> {
                    var players = values(set, rule.attribute(), t).stream().mapToDouble(v -> ((Number) v).doubleValue())
                            .summaryStatistics();
                    return party.equals("min") ? players.getMin() : party.equals("max") ? players.getMax()
                            : players.getAverage();
                }).summaryStatistics();
                check(stats.getMax() - stats.getMin() <= max, rule, "party values spread "
                        + (stats.getMax() - stats.getMin()) + " > " + max, out);
            }
            case "teamBalance" -> teamBalance(set, rule, match, max, out);
            case "equals" -> {
                Set<Object> distinct = new HashSet<>();
                tickets.forEach(t -> values(set, rule.attribute(), t).forEach(v -> distinct.add(number(v))));
                check(distinct.size() == 1 && distinct.contains(number(match.matchAttributes().get(rule.attribute()))),
                        rule, "values " + distinct + ", reported " + match.matchAttributes(), out);
            }
            case "intersect" -> intersect(set, rule, match, tickets, waited, out);
            case "latency" -> latency(rule, match, tickets, max, out);
            default -> out.add("unknown rule " + rule.type());
        }
    }

    private static Object number(Object value) {
        return value instanceof Number n ? (Object) n.doubleValue() : value;
    }

    private static void teamBalance(RuleSet set, RuleSet.Rule rule, RuledMatch match, double max, List<String> out) {
        Map<String, double[]> teams = new HashMap<>();
        for (RuledMatch.Placement placement : match.tickets()) {
            double[] team = teams.computeIfAbsent(placement.team(), name -> new double[2]);
            for (Object value : values(set, rule.attribute(), placement.ticket())) {
                team[0] += ((Number) value).doubleValue();
                team[1]++;
            }
        }
        var averages = teams.values().stream().mapToDouble(t -> t[0] / t[1]).summaryStatistics();
        check(averages.getMax() - averages.getMin() <= max + 1e-9, rule,
                "team averages spread " + (averages.getMax() - averages.getMin()), out);
    }

    @SuppressWarnings("unchecked")
    private static void intersect(RuleSet set, RuleSet.Rule rule, RuledMatch match, List<RuledTicket> tickets,
            long waited, List<String> out) {
        List<String> first = (List<String>) values(set, rule.attribute(), tickets.get(0)).get(0);
        List<String> shared = new ArrayList<>(first);
        tickets.forEach(t -> values(set, rule.attribute(), t).forEach(v -> shared.retainAll((Collection<?>) v)));
        double min = expanded(set, "rules[" + rule.name() + "].min", rule.min() == null ? 1 : rule.min(), waited);
        check(shared.size() >= min && shared.get(0).equals(match.matchAttributes().get(rule.attribute())), rule,
                "shared " + shared + " (min " + min + "), reported " + match.matchAttributes(), out);
    }

    private static void latency(RuleSet.Rule rule, RuledMatch match, List<RuledTicket> tickets, double max,
            List<String> out) {
        List<Map<String, Integer>> reported = tickets.stream().flatMap(t -> t.members().stream()
                .map(m -> t.player(m).latencies())).filter(l -> !l.isEmpty()).toList();
        if (reported.isEmpty()) {
            return;
        }
        String region = match.region();
        check(region != null && reported.stream().allMatch(l -> l.getOrDefault(region, Integer.MAX_VALUE) <= max),
                rule, "region " + region + " breaks the limit " + max, out);
        if (region != null) {
            int chosen = reported.stream().mapToInt(l -> l.get(region)).max().orElseThrow();
            Set<String> regions = new HashSet<>();
            reported.forEach(l -> regions.addAll(l.keySet()));
            for (String other : regions) {
                int worst = reported.stream().mapToInt(l -> l.getOrDefault(other, Integer.MAX_VALUE)).max().orElseThrow();
                check(worst >= chosen, rule, "region " + other + " (" + worst + ") beats " + region, out);
            }
        }
    }

    private static void check(boolean holds, RuleSet.Rule rule, String what, List<String> out) {
        if (!holds) {
            out.add(rule.name() + ": " + what);
        }
    }
}
