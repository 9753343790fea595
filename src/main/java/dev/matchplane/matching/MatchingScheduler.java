package dev.matchplane.matching;

import java.time.Clock;
import java.time.Duration;

import dev.matchplane.system.ConditionalOnRole;
import dev.matchplane.system.Role;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Runs the tick on every instance whose role ticks; only the lock holder does work. Ticks start every interval
 * ({@link TickTrigger}); one never overlaps the next, since a trigger task is rescheduled only when it completes.
 * Failures (Redis down) are logged at most once a minute.
 */
@Component
@ConditionalOnRole({ Role.ALL, Role.QUEUE_WORKER })
class MatchingScheduler implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(MatchingScheduler.class);
    private static final Duration WARN_EVERY = Duration.ofMinutes(1);
    private static final int MAX_ROUNDS_PER_INTERVAL = 50;

    private final MatchingEngine engine;
    private final Clock clock;
    private final MatchingMetrics metrics;
    private long lastWarnNanos = System.nanoTime() - WARN_EVERY.toNanos();
    private boolean leader;

    private final Duration interval;
    private final String nodeId;

    MatchingScheduler(MatchingEngine engine, Clock clock, MatchingMetrics metrics, MatchmakingProperties properties) {
        this.engine = engine;
        this.clock = clock;
        this.metrics = metrics;
        this.interval = properties.interval();
        this.nodeId = properties.nodeId();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addTriggerTask(this::tick, new TickTrigger(interval));
    }

    void tick() {
        // a tick cut short by max-players-per-tick leaves matches ready: run again at once, a bounded number of times
        for (int round = 0; round < MAX_ROUNDS_PER_INTERVAL; round++) {
            if (!tickOnce().saturated()) {
                return;
            }
        }
    }

    private TickReport tickOnce() {
        long started = System.nanoTime();
        try {
            TickReport report = engine.tick(clock.instant());
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

    @PreDestroy
    void stepDown() {
        try {
            engine.stepDown();
        }
        catch (RuntimeException ignored) {
            // Redis is gone too; the lock lapses after its TTL
        }
    }
}
