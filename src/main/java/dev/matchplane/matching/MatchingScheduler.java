package dev.matchplane.matching;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.matchplane.system.ConditionalOnRole;
import dev.matchplane.system.Role;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Runs the tick on every instance whose role ticks; only the lock holder does work. All ticks run on one thread
 * ({@code matchplane-tick}), so two never overlap on an instance, whatever started them:
 * <ul>
 * <li>the periodic tick, every interval ({@link TickTrigger}): the safety net;</li>
 * <li>a wake-up: an enqueue published its queue ({@link RedisWakeSubscription}); wake-ups that arrive while one is queued
 * coalesce into it, so a burst costs one more tick, not one per request;</li>
 * <li>a change wake-up: the moment the last tick's windows can match differently with no new enqueue
 * ({@link NextChange}: a min wait, relax-after or max wait ends).</li>
 * </ul>
 * Before it starts, and so before the instance can take the lock, {@link SigningWarmUp} has warmed the signing
 * path (it needs that bean for this reason alone). Failures (Redis down) are logged at most once a minute.
 */
@Component
@ConditionalOnRole({ Role.ALL, Role.QUEUE_WORKER })
class MatchingScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MatchingScheduler.class);
    private static final Duration WARN_EVERY = Duration.ofMinutes(1);
    private static final int MAX_ROUNDS_PER_INTERVAL = 50;

    private final MatchingEngine engine;
    private final Clock clock;
    private final MatchingMetrics metrics;
    private final Duration interval;
    private final String nodeId;
    private final ThreadPoolTaskScheduler thread = new ThreadPoolTaskScheduler();
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile boolean leader;
    private volatile boolean running;
    private @Nullable ScheduledFuture<?> periodic;
    // the fields below are only touched on the tick thread
    private long lastWarnNanos = System.nanoTime() - WARN_EVERY.toNanos();
    private long lastSweepNanos = System.nanoTime() - Duration.ofDays(1).toNanos();
    private long changeWakeAt = Long.MAX_VALUE;
    private @Nullable ScheduledFuture<?> changeWake;

    MatchingScheduler(MatchingEngine engine, Clock clock, MatchingMetrics metrics, SigningWarmUp warmedUp,
            MatchmakingProperties properties) {
        this.engine = engine;
        this.clock = clock;
        this.metrics = metrics;
        this.interval = properties.interval();
        this.nodeId = properties.nodeId();
        thread.setPoolSize(1);
        thread.setThreadNamePrefix("matchplane-tick-");
        thread.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void start() {
        thread.initialize();
        running = true;
        thread.execute(() -> {
            tick(true); // lead (or learn who does) at once rather than one interval after the start
            periodic = thread.schedule(() -> tick(true), new TickTrigger(interval));
        });
    }

    /**
     * An enqueue woke a queue: a tick as soon as the tick thread is free. Only the instance that held the lock at its
     * last tick acts; the others would only be refused the lock.
     */
    void wake() {
        if (leader && running && wakeQueued.compareAndSet(false, true)) {
            metrics.wokenUp("enqueue");
            thread.execute(() -> {
                wakeQueued.set(false); // a wake-up after this point reads a later window: it queues a tick again
                tick(false);
            });
        }
    }

    void tick(boolean periodicTick) {
        if (!running) {
            return; // stepped down: a wake-up queued before the stop must not take the lock again
        }
        boolean sweeping = periodicTick || System.nanoTime() - lastSweepNanos >= interval.toNanos();
        // a tick cut short by max-players-per-tick leaves matches ready: run again at once, a bounded number of times
        for (int round = 0; round < MAX_ROUNDS_PER_INTERVAL && running; round++) {
            if (!tickOnce(sweeping && round == 0).saturated()) {
                break;
            }
        }
        if (sweeping) {
            lastSweepNanos = System.nanoTime();
        }
        scheduleChangeWakeUp(engine.takeNextChange());
    }

    /** At most one change wake-up is pending: an earlier one replaces it, so none pile up far ahead. */
    private void scheduleChangeWakeUp(OptionalLong at) {
        if (!leader || !running || at.isEmpty() || at.getAsLong() >= changeWakeAt) {
            return; // a follower, or an earlier (or the same) change wake-up is already due
        }
        if (changeWake != null) {
            changeWake.cancel(false);
        }
        long due = at.getAsLong();
        changeWakeAt = due;
        changeWake = thread.schedule(() -> {
            changeWakeAt = Long.MAX_VALUE;
            changeWake = null;
            metrics.wokenUp("change");
            tick(false);
        }, Instant.ofEpochMilli(due));
    }

    private TickReport tickOnce(boolean sweeping) {
        long started = System.nanoTime();
        try {
            TickReport report = engine.tick(clock.instant(), sweeping);
            noteLeadership(report.leader());
            metrics.record(report, Duration.ofNanos(System.nanoTime() - started));
            if (report.fenced()) {
                log.warn("Tick lost the lock mid-tick; its claims and lands were handed back");
            }
            else if (log.isDebugEnabled() && report.leader()) {
                log.debug("Tick: {}", report);
            }
            return report;
        }
        catch (RuntimeException failure) {
            metrics.recordFailure();
            warnRateLimited(failure);
            return TickReport.follower();
        }
    }

    private void noteLeadership(boolean nowLeader) {
        if (nowLeader != leader) {
            leader = nowLeader;
            metrics.leader(nowLeader);
            log.info(nowLeader ? "Instance '{}' now holds the tick lock" : "Instance '{}' no longer holds the tick lock",
                    nodeId);
        }
    }

    private void warnRateLimited(RuntimeException failure) {
        long now = System.nanoTime();
        if (now - lastWarnNanos >= WARN_EVERY.toNanos()) {
            lastWarnNanos = now;
            log.warn("Tick failed (further failures within a minute are not logged): {}", failure.toString());
        }
    }

    /** Stops ticking and gives the lock up on the tick thread, after a running tick, so another instance ticks at once. */
    @Override
    public void stop() {
        running = false;
        ScheduledFuture<?> task = periodic;
        if (task != null) {
            task.cancel(false);
        }
        try {
            thread.submit(this::stepDown).get(interval.plusSeconds(10).toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        catch (Exception notStepped) {
            log.warn("Could not give the tick lock up on shutdown ({}); it lapses after its TTL", notStepped.toString());
        }
        thread.shutdown();
    }

    private void stepDown() {
        try {
            engine.stepDown();
        }
        catch (RuntimeException ignored) {
            // Redis is gone too; the lock lapses after its TTL
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
