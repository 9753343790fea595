package dev.matchplane.web;

/**
 * Per-client call budgets shared by every instance: a fixed one-second window per client and scope, counted in the
 * store. Each check costs one store round trip, so callers check only when a limit is configured.
 */
public interface RateLimits {

    /**
     * Counts one call of {@code client} in {@code scope}.
     *
     * @param limitPerSecond most calls allowed in one window, at least 1
     * @return true while the call is within the limit; false when the client must wait for the window to end (at
     *         most one second, hence {@code Retry-After: 1})
     */
    boolean tryAcquire(String scope, String client, int limitPerSecond);
}
