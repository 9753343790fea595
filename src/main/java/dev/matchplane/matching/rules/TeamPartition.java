package dev.matchplane.matching.rules;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Splits a draft's parties into its teams without splitting a party: largest parties first, each to the team
 * furthest below its minimum, then (under a teamBalance rule) to the team with the lowest total value, else the
 * emptiest. Under a teamBalance rule, swaps and moves of single parties then reduce the spread of team averages
 * while one helps. The result respects every team's bounds and every teamBalance limit, or there is none.
 */
final class TeamPartition {

    private static final int MAX_IMPROVEMENTS = 32;

    private TeamPartition() {
    }

    /** The team index of each ticket, in draft order, or null when the bounds or a balance limit cannot hold. */
    static int @Nullable [] assign(List<TicketProfile> tickets, CompiledRules rules, CompiledRules.Limits limits) {
        int balance = rules.firstRule(RuleType.TEAM_BALANCE);
        int teams = rules.teamNames.length;
        int[] team = new int[tickets.size()];
        int[] count = new int[teams];
        double[] total = new double[teams];
        for (int i : order(tickets, balance)) {
            int size = tickets.get(i).ticket.groupSize();
            int chosen = -1;
            for (int t = 0; t < teams; t++) {
                if (count[t] + size <= rules.teamMax[t] && (chosen < 0 || better(t, chosen, count, total,
                        limits.teamMin(), balance >= 0))) {
                    chosen = t;
                }
            }
            if (chosen < 0) {
                return null;
            }
            team[i] = chosen;
            count[chosen] += size;
            total[chosen] += balance < 0 ? 0 : tickets.get(i).number[balance];
        }
        if (balance >= 0) {
            TeamBalancer.improve(tickets, team, count, total, rules, limits, balance, MAX_IMPROVEMENTS);
        }
        return withinBounds(count, rules, limits) && balanced(tickets, team, rules, limits) ? team : null;
    }

    /** Largest party first, then highest value, then draft order: an insertion sort, drafts are small. */
    private static int[] order(List<TicketProfile> tickets, int balance) {
        int[] order = new int[tickets.size()];
        for (int i = 0; i < order.length; i++) {
            int j = i;
            while (j > 0 && before(tickets.get(i), tickets.get(order[j - 1]), balance)) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = i;
        }
        return order;
    }

    private static boolean before(TicketProfile a, TicketProfile b, int balance) {
        if (a.ticket.groupSize() != b.ticket.groupSize()) {
            return a.ticket.groupSize() > b.ticket.groupSize();
        }
        return balance >= 0 && a.number[balance] > b.number[balance];
    }

    private static boolean better(int t, int than, int[] count, double[] total, int[] min, boolean balance) {
        int deficit = min[t] - count[t];
        int thanDeficit = min[than] - count[than];
        if (deficit != thanDeficit) {
            return deficit > thanDeficit;
        }
        if (balance && total[t] != total[than]) {
            return total[t] < total[than];
        }
        return count[t] < count[than];
    }

    private static boolean withinBounds(int[] count, CompiledRules rules, CompiledRules.Limits limits) {
        for (int t = 0; t < count.length; t++) {
            if (count[t] < limits.teamMin()[t] || count[t] > rules.teamMax[t]) {
                return false;
            }
        }
        return true;
    }

    /** Every teamBalance rule: the spread of team averages of player values within its max. */
    static boolean balanced(List<TicketProfile> tickets, int[] team, CompiledRules rules,
            CompiledRules.Limits limits) {
        for (int r = 0; r < rules.types.length; r++) {
            if (rules.types[r] == RuleType.TEAM_BALANCE
                    && spread(tickets, team, rules.teamNames.length, r) > limits.max()[r]) {
                return false;
            }
        }
        return true;
    }

    static double spread(List<TicketProfile> tickets, int[] team, int teams, int rule) {
        double[] total = new double[teams];
        int[] count = new int[teams];
        for (int i = 0; i < tickets.size(); i++) {
            total[team[i]] += tickets.get(i).number[rule];
            count[team[i]] += tickets.get(i).ticket.groupSize();
        }
        return TeamBalancer.spread(total, count);
    }
}
