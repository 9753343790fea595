package dev.matchplane.matching;

/** What one tick did; logged at DEBUG, counted in metrics and read by tests. */
record TickReport(boolean leader, int expired, int staleClaimsReturned, int deadServers, int proposed, int claimed,
        int withoutServer, int committed, int refused, boolean fenced, boolean saturated) {

    static TickReport follower() {
        return new TickReport(false, 0, 0, 0, 0, 0, 0, 0, 0, false, false);
    }

    static TickReport leading() {
        return new TickReport(true, 0, 0, 0, 0, 0, 0, 0, 0, false, false);
    }

    TickReport withSweeps(Sweeps sweeps) {
        return new TickReport(leader, sweeps.expired(), sweeps.staleClaimsReturned(), sweeps.deadServers(), proposed,
                claimed, withoutServer, committed, refused, fenced, saturated);
    }

    TickReport withMatching(int proposed, int claimed, int withoutServer, int committed, int refused, boolean fenced) {
        return new TickReport(leader, expired, staleClaimsReturned, deadServers, proposed, claimed, withoutServer,
                committed, refused, fenced, saturated);
    }

    /** The tick stopped at {@code max-players-per-tick}: more matches are waiting, so the next tick runs at once. */
    TickReport saturated(boolean reachedCap) {
        return new TickReport(leader, expired, staleClaimsReturned, deadServers, proposed, claimed, withoutServer,
                committed, refused, fenced, reachedCap);
    }
}
