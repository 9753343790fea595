package dev.matchplane.matching.rules;

/**
 * The queue's waits in milliseconds: no ticket is matched before {@code minWaitMs}; once the oldest ticket of a
 * candidate match has waited {@code relaxAfterMs} the match may form with its teams at their minimum; a ticket
 * that has waited more than {@code maxWaitMs} is never matched (the sweep expires it).
 */
public record QueueTiming(long minWaitMs, long relaxAfterMs, long maxWaitMs) {

    public QueueTiming {
        if (minWaitMs < 0 || relaxAfterMs < 0 || maxWaitMs < 0) {
            throw new IllegalArgumentException("waits must not be negative");
        }
    }
}
