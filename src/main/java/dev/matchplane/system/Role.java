package dev.matchplane.system;

/**
 * What an instance does ({@code matchmaking.role}, {@code MATCHMAKING_ROLE}). Bound leniently by Spring's binder, so
 * {@code api}, {@code API}, {@code queue-worker} and {@code QUEUE_WORKER} all name a role; see {@link ConditionalOnRole}.
 */
public enum Role {
    /** Client API, realtime and the tick: a single instance is a whole deployment. */
    ALL,
    /** Client API and realtime, no tick. */
    API,
    /** The tick only; no client API, no realtime. */
    QUEUE_WORKER
}
