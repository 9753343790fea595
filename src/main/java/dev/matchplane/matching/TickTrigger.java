package dev.matchplane.matching;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.TriggerContext;

/**
 * When the next tick starts: one interval after the previous one was due, so that a ticket waits half an interval on
 * average rather than half of (interval + tick duration) as with a fixed delay; after a tick that overran its
 * interval, at once, so that a backlog is worked off back to back. Unlike a fixed rate it never catches up on
 * missed ticks, whose due times would stay in the past and starve the scheduler's other tasks.
 */
final class TickTrigger implements Trigger {

    private final Duration interval;

    TickTrigger(Duration interval) {
        this.interval = interval;
    }

    @Override
    public @Nullable Instant nextExecution(TriggerContext context) {
        Instant lastDue = context.lastScheduledExecution();
        Instant lastDone = context.lastCompletion();
        if (lastDue == null || lastDone == null) {
            return context.getClock().instant().plus(interval);
        }
        Instant due = lastDue.plus(interval);
        return lastDone.isAfter(due) ? lastDone : due;
    }
}
