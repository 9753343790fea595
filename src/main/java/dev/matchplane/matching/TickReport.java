package dev.matchplane.matching;

/** What one shard's tick (or several, added up) did; logged at DEBUG, counted in metrics and read by tests. */
record TickReport(boolean leader, Sweeps sweeps, TickOutcome matching) {

    static TickReport follower() {
        return new TickReport(false, Sweeps.NONE, TickOutcome.NOTHING);
    }

    static TickReport leading(TickOutcome matching) {
        return new TickReport(true, Sweeps.NONE, matching);
    }

    TickReport withSweeps(Sweeps done) {
        return new TickReport(leader, done, matching);
    }

    /** Two shards' ticks as one: led if either was, counts added, fenced or saturated if either was. */
    TickReport plus(TickReport other) {
        return new TickReport(leader || other.leader, sweeps.plus(other.sweeps), matching.plus(other.matching));
    }

    int expired() {
        return sweeps.expired();
    }

    int staleClaimsReturned() {
        return sweeps.staleClaimsReturned();
    }

    int proposed() {
        return matching.window().proposed();
    }

    int claimed() {
        return matching.window().claimed();
    }

    int withoutServer() {
        return matching.window().withoutServer();
    }

    int committed() {
        return matching.commits().committed();
    }

    int refused() {
        return matching.commits().refused();
    }

    boolean fenced() {
        return matching.fenced();
    }

    /** The tick stopped at {@code max-players-per-tick}: more matches are waiting, so the next tick runs at once. */
    boolean saturated() {
        return matching.saturated();
    }
}
