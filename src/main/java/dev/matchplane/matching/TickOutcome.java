package dev.matchplane.matching;

/**
 * What the matching steps of one tick came to.
 *
 * @param fenced the tick lost the lock on the way: what it claimed was handed back
 * @param saturated the tick stopped at {@code max-players-per-tick}: more matches are waiting
 */
record TickOutcome(WindowCounts window, Commits commits, boolean fenced, boolean saturated) {

    static final TickOutcome NOTHING = new TickOutcome(WindowCounts.NONE, Commits.NONE, false, false);

    static TickOutcome fenced(WindowCounts window, Commits commits) {
        return new TickOutcome(window, commits, true, false);
    }

    static TickOutcome committed(WindowCounts window, Commits commits, boolean reachedCap) {
        return new TickOutcome(window, commits, false, reachedCap);
    }

    TickOutcome plus(TickOutcome other) {
        return new TickOutcome(window.plus(other.window), commits.plus(other.commits), fenced || other.fenced,
                saturated || other.saturated);
    }
}
