package dev.matchplane.console;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Failed console logins per client address in fixed one-minute windows, in this instance's memory. Not Redis's
 * RateLimits: its one-second window suits enqueue bursts, not key guessing, and a login page must keep refusing
 * guesses while Redis is down. With n instances a client gets n times the limit, still far too few guesses for a
 * real key. The map forgets past windows, so it holds at most the addresses that failed this minute.
 */
final class LoginThrottle {

    private static final long WINDOW_MILLIS = 60_000;

    private final ConcurrentMap<String, long[]> failures = new ConcurrentHashMap<>();
    private final int limit;
    private final Clock clock;

    LoginThrottle(int limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** True while the client has failed fewer than the limit in the current window. */
    boolean allows(String client) {
        long[] entry = failures.get(client);
        return entry == null || entry[0] != window() || entry[1] < limit;
    }

    void failed(String client) {
        long window = window();
        failures.values().removeIf(entry -> entry[0] != window);
        failures.compute(client, (k, entry) -> entry == null || entry[0] != window ? new long[] { window, 1 }
                : new long[] { window, entry[1] + 1 });
    }

    void succeeded(String client) {
        failures.remove(client);
    }

    private long window() {
        return clock.millis() / WINDOW_MILLIS;
    }
}
