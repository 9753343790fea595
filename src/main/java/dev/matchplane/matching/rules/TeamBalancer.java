package dev.matchplane.matching.rules;

import java.util.List;

/**
 * Local search on a team split: the best single swap of two parties of different teams that lowers the spread of
 * team averages, repeated while one lowers it, within a bound so a large match stays cheap. Team bounds hold
 * after every step.
 */
final class TeamBalancer {

    private TeamBalancer() {
    }

    static void improve(List<TicketProfile> tickets, int[] team, int[] count, double[] total, CompiledRules rules,
            CompiledRules.Limits limits, int rule, int rounds) {
        for (int round = 0; round < rounds; round++) {
            double current = spread(total, count);
            double best = current;
            int bestA = -1;
            int bestB = -1;
            for (int a = 0; a < tickets.size(); a++) {
                for (int b = a + 1; b < tickets.size(); b++) {
                    double after = swapSpread(tickets, team, count, total, rules, limits, rule, a, b);
                    if (after < best - 1e-9) {
                        best = after;
                        bestA = a;
                        bestB = b;
                    }
                }
            }
            if (bestA < 0) {
                return;
            }
            swap(tickets, team, count, total, rule, bestA, bestB);
        }
    }

    private static double swapSpread(List<TicketProfile> tickets, int[] team, int[] count, double[] total,
            CompiledRules rules, CompiledRules.Limits limits, int rule, int a, int b) {
        int ta = team[a];
        int tb = team[b];
        if (ta == tb) {
            return Double.POSITIVE_INFINITY;
        }
        int sa = tickets.get(a).ticket.groupSize();
        int sb = tickets.get(b).ticket.groupSize();
        int countA = count[ta] - sa + sb;
        int countB = count[tb] - sb + sa;
        if (countA > rules.teamMax[ta] || countB > rules.teamMax[tb] || countA < limits.teamMin()[ta]
                || countB < limits.teamMin()[tb]) {
            return Double.POSITIVE_INFINITY;
        }
        swap(tickets, team, count, total, rule, a, b);
        double after = spread(total, count);
        swap(tickets, team, count, total, rule, a, b);
        return after;
    }

    private static void swap(List<TicketProfile> tickets, int[] team, int[] count, double[] total, int rule,
            int a, int b) {
        int ta = team[a];
        int tb = team[b];
        double va = tickets.get(a).number[rule];
        double vb = tickets.get(b).number[rule];
        int sa = tickets.get(a).ticket.groupSize();
        int sb = tickets.get(b).ticket.groupSize();
        total[ta] += vb - va;
        total[tb] += va - vb;
        count[ta] += sb - sa;
        count[tb] += sa - sb;
        team[a] = tb;
        team[b] = ta;
    }

    /** Largest minus smallest team average of player values, over teams with players. */
    static double spread(double[] total, int[] count) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < total.length; t++) {
            if (count[t] > 0) {
                double average = total[t] / count[t];
                low = Math.min(low, average);
                high = Math.max(high, average);
            }
        }
        return high < low ? 0 : high - low;
    }
}
