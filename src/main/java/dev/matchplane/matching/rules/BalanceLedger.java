package dev.matchplane.matching.rules;

/**
 * Per teamBalance rule, each team's total of player values and its player count, as a backfill fills the land:
 * what the spread of team averages would be with one more party in a team, without copying the totals.
 */
final class BalanceLedger {

    private static final double EPSILON = 1e-9;

    private final CompiledRules rules;
    private final double[][] total;
    private final int[][] count;

    BalanceLedger(CompiledRules rules) {
        this.rules = rules;
        total = new double[rules.types.length][rules.teamNames.length];
        count = new int[rules.types.length][rules.teamNames.length];
    }

    /** Counts a party (its profile's sum of player values) in {@code team}; a team the set lacks counts nowhere. */
    void add(TicketProfile party, int team) {
        if (team < 0) {
            return;
        }
        for (int r = 0; r < rules.types.length; r++) {
            if (rules.types[r] == RuleType.TEAM_BALANCE) {
                total[r][team] += party.number[r];
                count[r][team] += party.ticket.groupSize();
            }
        }
    }

    /**
     * The widest spread over the balance rules with {@code party} in {@code team} (0 without such a rule), or
     * infinity when a rule would break: the spread beyond its limit and wider than before the party.
     */
    double spreadWith(TicketProfile party, int team, CompiledRules.Limits limits) {
        double widest = 0;
        for (int r = 0; r < rules.types.length; r++) {
            if (rules.types[r] != RuleType.TEAM_BALANCE) {
                continue;
            }
            double before = TeamBalancer.spread(total[r], count[r]);
            total[r][team] += party.number[r];
            count[r][team] += party.ticket.groupSize();
            double after = TeamBalancer.spread(total[r], count[r]);
            total[r][team] -= party.number[r];
            count[r][team] -= party.ticket.groupSize();
            if (after > Math.max(limits.max()[r], before) + EPSILON) {
                return Double.POSITIVE_INFINITY;
            }
            widest = Math.max(widest, after);
        }
        return widest;
    }
}
