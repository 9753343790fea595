package dev.matchplane.matching;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

import dev.matchplane.system.ConditionalOnRole;
import dev.matchplane.system.Role;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Runs the ticks of the shards this instance holds, on every instance whose role ticks. Everything runs on one
 * thread ({@code matchplane-tick}), so two ticks never overlap on an instance, whatever started them:
 * <ul>
 * <li>maintenance, every interval or a third of the lock TTL if shorter: heartbeat and fair share
 * ({@link ShardBalancer});</li>
 * <li>the periodic round, every interval ({@link TickTrigger}): one tick of each held shard, the safety net;</li>
 * <li>a wake-up: an enqueue published its queue ({@link RedisWakeSubscription}); the queue's shard is ticked if held
 * here, and wake-ups of a shard that arrive while one is queued coalesce into it;</li>
 * <li>a change wake-up: the moment the last ticks' windows can match differently with no new enqueue
 * ({@link NextChange}: a min wait, relax-after or max wait ends), a round of every held shard.</li>
 * </ul>
 * Before it starts, and so before the instance can take a shard, {@link SigningWarmUp} has warmed the signing path
 * (it needs that bean for this reason alone). Failures (Redis down) are logged at most once a minute.
 */
@Component
@ConditionalOnRole({ Role.ALL, Role.QUEUE_WORKER })
class MatchingScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MatchingScheduler.class);
    private static final Duration WARN_EVERY = Duration.ofMinutes(1);
    private static final int MAX_ROUNDS_PER_INTERVAL = 50;

    private final MatchingEngine engine;
    private final ShardBalancer balancer;
    private final QueueShards shards;
    private final Clock clock;
    private final MatchingMetrics metrics;
    private final Duration interval;
    private final Duration maintainEvery;
    private final ThreadPoolTaskScheduler thread = new ThreadPoolTaskScheduler();
    private final AtomicIntegerArray wakeQueued;
    private volatile boolean running;
    private @Nullable ScheduledFuture<?> periodic;
    private @Nullable ScheduledFuture<?> maintenance;
    // the fields below are only touched on the tick thread
    private long lastWarnNanos = System.nanoTime() - WARN_EVERY.toNanos();
    private long lastSweepNanos = System.nanoTime() - Duration.ofDays(1).toNanos();
    private long lastRenewNanos = System.nanoTime();
    private long changeWakeAt = Long.MAX_VALUE;
    private @Nullable ScheduledFuture<?> changeWake;

    MatchingScheduler(MatchingEngine engine, ShardBalancer balancer, QueueShards shards, Clock clock,
            MatchingMetrics metrics, SigningWarmUp warmedUp, MatchmakingProperties properties) {
        this.engine = engine;
        this.balancer = balancer;
        this.shards = shards;
        this.clock = clock;
        this.metrics = metrics;
        this.interval = properties.interval();
        Duration thirdOfLease = properties.lockTtl().dividedBy(3);
        this.maintainEvery = interval.compareTo(thirdOfLease) < 0 ? interval : thirdOfLease;
        this.wakeQueued = new AtomicIntegerArray(shards.count());
        thread.setPoolSize(1);
        thread.setThreadNamePrefix("matchplane-tick-");
        thread.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void start() {
        thread.initialize();
        running = true;
        thread.execute(() -> {
            maintain(); // take a fair share and tick at once rather than one interval after the start
            round(true);
            periodic = thread.schedule(() -> round(true), new TickTrigger(interval));
            maintenance = thread.scheduleWithFixedDelay(this::maintain, maintainEvery);
        });
    }

    /**
     * An enqueue woke a queue: a tick of its shard as soon as the tick thread is free, if this instance holds the
     * shard; the instance that does acts on the same message.
     */
    void wake(String queueKey) {
        int shard = shards.of(queueKey);
        if (running && engine.holds(shard) && wakeQueued.compareAndSet(shard, 0, 1)) {
            metrics.wokenUp("enqueue", shard);
            thread.execute(() -> {
                wakeQueued.set(shard, 0); // a wake-up after this point reads a later window: it queues a tick again
                if (running && engine.holds(shard)) {
                    tickShard(shard, sweepDue());
                    scheduleChangeWakeUp(engine.takeNextChange());
                }
            });
        }
    }

    private void maintain() {
        if (!running) {
            return; // stepped down: a queued maintenance must not take shards again
        }
        try {
            List<Integer> taken = balancer.balance(engine);
            lastRenewNanos = System.nanoTime();
            // a shard just taken (handed over, or lapsed after its holder died) is ticked now, not an interval later
            for (int shard : taken) {
                tickShard(shard, sweepDue());
            }
        }
        catch (RuntimeException failure) {
            warnRateLimited(failure);
        }
    }

    /** One tick of every held shard (shard 0, which sweeps, last). */
    void round(boolean periodicTick) {
        if (!running) {
            return; // stepped down: a wake-up queued before the stop must not take a shard again
        }
        boolean sweeping = periodicTick || sweepDue();
        for (int shard : engine.held()) {
            renewIfDue();
            tickShard(shard, sweeping);
        }
        scheduleChangeWakeUp(engine.takeNextChange());
    }

    private boolean sweepDue() {
        return System.nanoTime() - lastSweepNanos >= interval.toNanos();
    }

    /** A tick cut short by max-players-per-tick leaves matches ready: run again at once, a bounded number of times. */
    private void tickShard(int shard, boolean sweeping) {
        for (int round = 0; round < MAX_ROUNDS_PER_INTERVAL && running && engine.holds(shard); round++) {
            if (!tickOnce(shard, sweeping && round == 0).saturated()) {
                break;
            }
            renewIfDue(); // a long backlog on one shard must not let the others' leases lapse
        }
        if (sweeping && shard == MatchingEngine.SWEEPING_SHARD) {
            lastSweepNanos = System.nanoTime();
        }
    }

    private void renewIfDue() {
        if (System.nanoTime() - lastRenewNanos >= maintainEvery.toNanos()) {
            lastRenewNanos = System.nanoTime();
            try {
                balancer.renewAll(engine);
            }
            catch (RuntimeException failure) {
                warnRateLimited(failure);
            }
        }
    }

    /** At most one change wake-up is pending: an earlier one replaces it, so none pile up far ahead. */
    private void scheduleChangeWakeUp(OptionalLong at) {
        if (!running || at.isEmpty() || at.getAsLong() >= changeWakeAt) {
            return; // an earlier (or the same) change wake-up is already due
        }
        if (changeWake != null) {
            changeWake.cancel(false);
        }
        long due = at.getAsLong();
        changeWakeAt = due;
        changeWake = thread.schedule(() -> {
            changeWakeAt = Long.MAX_VALUE;
            changeWake = null;
            engine.held().forEach(shard -> metrics.wokenUp("change", shard));
            round(false);
        }, Instant.ofEpochMilli(due));
    }

    private TickReport tickOnce(int shard, boolean sweeping) {
        long started = System.nanoTime();
        try {
            TickReport report = engine.tick(shard, clock.instant(), sweeping);
            metrics.record(shard, report, Duration.ofNanos(System.nanoTime() - started));
            if (report.fenced()) {
                log.warn("Tick of shard {} lost its lock mid-tick; its claims and lands were handed back", shard);
            }
            else if (log.isDebugEnabled() && report.leader()) {
                log.debug("Tick of shard {}: {}", shard, report);
            }
            return report;
        }
        catch (RuntimeException failure) {
            metrics.recordFailure();
            warnRateLimited(failure);
            return TickReport.follower();
        }
    }

    private void warnRateLimited(RuntimeException failure) {
        long now = System.nanoTime();
        if (now - lastWarnNanos >= WARN_EVERY.toNanos()) {
            lastWarnNanos = now;
            log.warn("Tick failed (further failures within a minute are not logged): {}", failure.toString());
        }
    }

    /**
     * Stops ticking and gives every shard up on the tick thread, after a running tick, so other instances tick them
     * at once; the heartbeat goes too, so they count one instance less at their next maintenance.
     */
    @Override
    public void stop() {
        running = false;
        for (ScheduledFuture<?> task : new ScheduledFuture<?>[] { periodic, maintenance }) {
            if (task != null) {
                task.cancel(false);
            }
        }
        try {
            thread.submit(this::stepDown).get(interval.plusSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (Exception notStepped) {
            log.warn("Could not give the shards up on shutdown ({}); they lapse after the lock TTL",
                    notStepped.toString());
        }
        thread.shutdown();
    }

    private void stepDown() {
        try {
            engine.stepDown();
            balancer.leave(engine);
        }
        catch (RuntimeException ignored) {
            // Redis is gone too; the locks lapse after their TTL
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
