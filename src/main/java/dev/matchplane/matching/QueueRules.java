package dev.matchplane.matching;

import java.time.Duration;
import java.util.Objects;

/**
 * How one queue matches: {@code matchSize} players per match, no ticket matched before it has waited
 * {@code minWait}, and a ticket that has waited {@code relaxAfter} may form a smaller match.
 */
public record QueueRules(int matchSize, Duration minWait, Duration relaxAfter) {

    public QueueRules {
        if (matchSize < 1) {
            throw new IllegalArgumentException("matchSize must be >= 1, was " + matchSize);
        }
        requireNonNegative(minWait, "minWait");
        requireNonNegative(relaxAfter, "relaxAfter");
    }

    private static void requireNonNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + duration);
        }
    }
}
