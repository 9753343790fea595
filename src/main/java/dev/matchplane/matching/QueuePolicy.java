package dev.matchplane.matching;

import java.time.Duration;

/** Everything that governs one queue: its match size and its waiting rules. */
public record QueuePolicy(String queueKey, String landType, int matchSize, Duration minWait, Duration relaxAfter,
        Duration maxWait) {

    /** The part of a queue key before its first {@code :}; game servers register for a landType. */
    public static String landTypeOf(String queueKey) {
        int colon = queueKey.indexOf(':');
        return colon < 0 ? queueKey : queueKey.substring(0, colon);
    }
}
