package dev.matchplane.matching;

/** What one tick did; logged at DEBUG, counted in metrics and read by tests. */
record TickReport(boolean leader, int expired, int staleClaimsReturned, int deadServers, int proposed, int claimed,
        int withoutServer, int committed, int refused, boolean fenced) {

    static TickReport follower() {
        return new TickReport(false, 0, 0, 0, 0, 0, 0, 0, 0, false);
    }

    static TickReport sweptOnly(int expired, int staleClaimsReturned, int deadServers) {
        return new TickReport(true, expired, staleClaimsReturned, deadServers, 0, 0, 0, 0, 0, false);
    }

    TickReport withMatching(int proposed, int claimed, int withoutServer, int committed, int refused, boolean fenced) {
        return new TickReport(leader, expired, staleClaimsReturned, deadServers, proposed, claimed, withoutServer,
                committed, refused, fenced);
    }
}
