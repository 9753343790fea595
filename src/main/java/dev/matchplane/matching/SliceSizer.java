package dev.matchplane.matching;

import java.util.List;

/**
 * Sizes the sign-and-commit slices of a tick so that signing one takes about {@link #TARGET_MILLIS}: the lock is
 * renewed between slices, and each slice is pushed to its players as soon as it is committed. The signing time per
 * token is learned from the slices already signed, because it depends on the algorithm (RS256 or ES256) and on how
 * much CPU the machine has left; a busy machine gets smaller slices, never a lapsed lock.
 */
final class SliceSizer {

    static final double TARGET_MILLIS = 10;
    static final int MIN_TOKENS = 16;
    static final int MAX_TOKENS = 512;

    private volatile double millisPerToken = 1.0;
    private long lastSignedNanos;

    /** Index after the last match of the slice that starts at {@code from} (always at least one match). */
    int end(List<ClaimedMatch> placed, int from) {
        long budget = Math.max(MIN_TOKENS, Math.min(MAX_TOKENS, Math.round(TARGET_MILLIS / millisPerToken)));
        int tokens = 0;
        int to = from;
        while (to < placed.size() && (to == from || tokens < budget)) {
            tokens += tokens(placed.get(to));
            to++;
        }
        return to;
    }

    /**
     * Records that signing {@code matches}, queued at {@code queuedNanos}, was done at {@code doneNanos}. Slices are
     * queued behind each other, so a slice's own signing time runs from when it was queued or when the slice before
     * it was done, whichever came later.
     */
    synchronized void signed(List<ClaimedMatch> matches, long queuedNanos, long doneNanos) {
        long started = Math.max(queuedNanos, lastSignedNanos);
        lastSignedNanos = Math.max(lastSignedNanos, doneNanos);
        if (doneNanos <= started) {
            return; // done out of order, before the slice ahead of it: nothing to learn
        }
        int tokens = matches.stream().mapToInt(SliceSizer::tokens).sum();
        double observed = (doneNanos - started) / 1e6 / Math.max(1, tokens);
        millisPerToken = Math.max(0.001, 0.7 * millisPerToken + 0.3 * observed);
    }

    /** One token per member of every ticket. */
    static int tokens(ClaimedMatch match) {
        return match.tickets().stream().mapToInt(t -> t.members().size()).sum();
    }
}
