package dev.matchplane.matching.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The tickets chosen so far for one backfill request, grown ticket by ticket on top of the land's current
 * players. {@link #tryAdd} admits a ticket only if every hard rule still holds for what the fill changes:
 * <ul>
 * <li>distance: the ticket's party value is within the limit of every current player's value and of every chosen
 * ticket's;</li>
 * <li>equals: its value is the land's (its match's value, else the current players'), or the chosen tickets';</li>
 * <li>intersect: its list holds the value the land's match reported, and the lists of the current players, the
 * chosen tickets and its own still share at least the minimum;</li>
 * <li>latency: every member who reported latencies is within the limit of the land's region (unknown region: some
 * region is within it for everyone who reported, as for a match);</li>
 * <li>teamBalance: the spread of team averages (current players plus chosen tickets; teams without players left
 * out) stays within the limit, or, where the current players alone already exceed it, does not grow.</li>
 * </ul>
 * A ticket goes to a team with room for its whole party that keeps the rules: the one with the smallest spread
 * after it, then the most open slots, then by name.
 */
final class BackfillDraft {

    private static final double EPSILON = 1e-9;

    private final CompiledRules rules;
    private final LandRoster land;
    private CompiledRules.@Nullable Limits limits;
    private final int landRegion;
    private final int[] room;
    private final double[] seatedLow;
    private final double[] seatedHigh;
    private final double[] low;
    private final double[] high;
    private final AttributeValue[] fixed;
    private final boolean[] conflict;
    private final List<?>[] shared;
    private final @Nullable String[] landPick;
    private final int[] worst;
    private final BalanceLedger balance;
    private final List<RuledMatch.Placement> placements = new ArrayList<>();

    BackfillDraft(CompiledRules rules, LandRoster land, List<TicketProfile> seated, String[] regions) {
        this.rules = rules;
        this.land = land;
        int ruleCount = rules.types.length;
        landRegion = land.region() == null ? -1 : Arrays.asList(regions).indexOf(land.region());
        room = new int[rules.teamNames.length];
        land.openSlots().forEach((team, slots) -> {
            int t = BackfillMatcher.teamIndex(rules, team);
            if (t >= 0) {
                room[t] = slots;
            }
        });
        seatedLow = new double[ruleCount];
        seatedHigh = new double[ruleCount];
        Arrays.fill(seatedLow, Double.NaN);
        Arrays.fill(seatedHigh, Double.NaN);
        low = new double[ruleCount];
        high = new double[ruleCount];
        fixed = new AttributeValue[ruleCount];
        conflict = new boolean[ruleCount];
        shared = new List<?>[ruleCount];
        landPick = new String[ruleCount];
        worst = new int[regions.length];
        balance = new BalanceLedger(rules);
        for (int r = 0; r < ruleCount; r++) {
            Object reported = rules.attributes[r] == null ? null : land.matchAttributes().get(rules.attributes[r]);
            if (rules.types[r] == RuleType.EQUALS && reported != null) {
                fixed[r] = AttributeValue.fromJson(reported);
            }
            else if (rules.types[r] == RuleType.INTERSECT && reported instanceof String pick) {
                landPick[r] = pick;
            }
        }
        seated.forEach(this::seat);
    }

    private void seat(TicketProfile player) {
        int team = BackfillMatcher.teamIndex(rules, land.players().get(player.ticket.members().get(0)).team());
        for (int r = 0; r < rules.types.length; r++) {
            switch (rules.types[r]) {
                case DISTANCE -> {
                    seatedLow[r] = Double.isNaN(seatedLow[r]) ? player.number[r] : Math.min(seatedLow[r],
                            player.number[r]);
                    seatedHigh[r] = Double.isNaN(seatedHigh[r]) ? player.number[r] : Math.max(seatedHigh[r],
                            player.number[r]);
                }
                case EQUALS -> {
                    conflict[r] |= fixed[r] != null && !fixed[r].equals(player.common[r]);
                    fixed[r] = fixed[r] == null ? player.common[r] : fixed[r];
                }
                case INTERSECT -> shared[r] = intersect(shared[r], player.shared[r]);
                case TEAM_BALANCE, LATENCY -> { }
            }
        }
        balance.add(player, team);
        foldLatency(player);
    }

    boolean full() {
        return Arrays.stream(room).allMatch(slots -> slots <= 0);
    }

    /** Adds {@code candidate} if the rules hold; the first ticket added fixes the limits at its wait. */
    boolean tryAdd(TicketProfile candidate, long waitedMs) {
        CompiledRules.Limits in = limits != null ? limits : rules.at(waitedMs);
        if (!valuesHold(candidate, in) || !latencyHolds(candidate, in)) {
            return false;
        }
        int team = team(candidate, in);
        if (team < 0) {
            return false;
        }
        limits = in;
        apply(candidate, team);
        return true;
    }

    private boolean valuesHold(TicketProfile candidate, CompiledRules.Limits in) {
        for (int r = 0; r < rules.types.length; r++) {
            boolean holds = switch (rules.types[r]) {
                case DISTANCE -> distanceHolds(r, candidate.number[r], in.max()[r]);
                case EQUALS -> !conflict[r] && (fixed[r] == null || fixed[r].equals(candidate.common[r]));
                case INTERSECT -> (landPick[r] == null || candidate.shared[r].contains(landPick[r]))
                        && (shared[r] == null ? candidate.shared[r].size()
                                : MatchDraft.sharedCount(shared[r], candidate.shared[r])) >= in.min()[r];
                case TEAM_BALANCE, LATENCY -> true;
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    private boolean distanceHolds(int r, double value, double max) {
        boolean nearSeated = Double.isNaN(seatedLow[r])
                || value - seatedLow[r] <= max + EPSILON && seatedHigh[r] - value <= max + EPSILON;
        return nearSeated && (placements.isEmpty()
                || Math.max(high[r], value) - Math.min(low[r], value) <= max + EPSILON);
    }

    private boolean latencyHolds(TicketProfile candidate, CompiledRules.Limits in) {
        double max = rules.latencyMax(in);
        if (max < 0 || candidate.worst == null) {
            return true;
        }
        if (landRegion >= 0) {
            return candidate.worst[landRegion] <= max;
        }
        for (int i = 0; i < worst.length; i++) {
            if (Math.max(worst[i], candidate.worst[i]) <= max) {
                return true;
            }
        }
        return false;
    }

    /** The team for the candidate's party, or -1 when no team with room keeps the balance rules. */
    private int team(TicketProfile candidate, CompiledRules.Limits in) {
        int best = -1;
        double bestSpread = Double.POSITIVE_INFINITY;
        for (int t = 0; t < room.length; t++) {
            if (room[t] < candidate.ticket.groupSize()) {
                continue;
            }
            double spread = balance.spreadWith(candidate, t, in);
            if (spread == Double.POSITIVE_INFINITY) {
                continue;
            }
            if (best < 0 || spread < bestSpread - EPSILON || spread <= bestSpread + EPSILON && (room[t] > room[best]
                    || room[t] == room[best] && rules.teamNames[t].compareTo(rules.teamNames[best]) < 0)) {
                best = t;
                bestSpread = spread;
            }
        }
        return best;
    }

    private void apply(TicketProfile candidate, int team) {
        boolean first = placements.isEmpty();
        for (int r = 0; r < rules.types.length; r++) {
            switch (rules.types[r]) {
                case DISTANCE -> {
                    low[r] = first ? candidate.number[r] : Math.min(low[r], candidate.number[r]);
                    high[r] = first ? candidate.number[r] : Math.max(high[r], candidate.number[r]);
                }
                case EQUALS -> fixed[r] = fixed[r] == null ? candidate.common[r] : fixed[r];
                case INTERSECT -> shared[r] = intersect(shared[r], candidate.shared[r]);
                case TEAM_BALANCE, LATENCY -> { }
            }
        }
        balance.add(candidate, team);
        foldLatency(candidate);
        room[team] -= candidate.ticket.groupSize();
        placements.add(new RuledMatch.Placement(candidate.ticket, rules.teamNames[team]));
    }

    private void foldLatency(TicketProfile player) {
        if (player.worst != null) {
            for (int i = 0; i < worst.length; i++) {
                worst[i] = Math.max(worst[i], player.worst[i]);
            }
        }
    }

    private static List<?> intersect(@Nullable List<?> sofar, List<?> theirs) {
        return sofar == null ? theirs : sofar.stream().filter(theirs::contains).toList();
    }

    /** The chosen tickets; their {@code matchAttributes} are the land's match's when known, else the fill's. */
    BackfillPlan plan() {
        if (placements.isEmpty()) {
            return BackfillPlan.NONE;
        }
        if (!land.matchAttributes().isEmpty()) {
            return new BackfillPlan(placements, land.matchAttributes());
        }
        Map<String, Object> attributes = new TreeMap<>();
        for (int r = 0; r < rules.types.length; r++) {
            if (rules.types[r] == RuleType.EQUALS && fixed[r] != null) {
                attributes.put(rules.attributes[r], fixed[r].json());
            }
            else if (rules.types[r] == RuleType.INTERSECT && shared[r] != null && !shared[r].isEmpty()) {
                attributes.put(rules.attributes[r], shared[r].get(0));
            }
        }
        return new BackfillPlan(placements, attributes);
    }
}
