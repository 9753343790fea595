package dev.matchplane.matching;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import dev.matchplane.system.MetricTags;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/** Tick metrics: duration, matches per tick, outcomes, lock ownership. */
@Component
class MatchingMetrics {

    private final Timer tickDuration;
    private final Counter ticksFailed;
    private final Counter matchesCommitted;
    private final Counter matchesWithoutServer;
    private final Counter matchesRefused;
    private final Counter ticketsExpired;
    private final Counter staleClaimsReturned;
    private final Counter fencedTicks;
    private final io.micrometer.core.instrument.DistributionSummary matchesPerTick;
    private final AtomicInteger leader = new AtomicInteger();
    private final MeterRegistry registry;
    private final MetricTags tags;

    MatchingMetrics(MeterRegistry registry, MetricTags tags) {
        this.registry = registry;
        this.tags = tags;
        tickDuration = Timer.builder("matchplane.tick.duration").description("Duration of ticks that held the lock")
                .publishPercentileHistogram().register(registry);
        ticksFailed = Counter.builder("matchplane.tick.failures").register(registry);
        matchesCommitted = Counter.builder("matchplane.matches").tag("outcome", "committed").register(registry);
        matchesWithoutServer = Counter.builder("matchplane.allocation.failures").tag("reason", "no_capacity")
                .description("Claimed matches put back because no live server had room").register(registry);
        matchesRefused = Counter.builder("matchplane.matches").tag("outcome", "refused")
                .description("Matches dropped at commit because a ticket was cancelled meanwhile").register(registry);
        ticketsExpired = Counter.builder("matchplane.tickets.expired").register(registry);
        staleClaimsReturned = Counter.builder("matchplane.claims.returned").register(registry);
        fencedTicks = Counter.builder("matchplane.tick.fenced").register(registry);
        matchesPerTick = io.micrometer.core.instrument.DistributionSummary.builder("matchplane.tick.matches")
                .register(registry);
        Gauge.builder("matchplane.tick.lock.held", leader, AtomicInteger::get)
                .description("1 when this instance holds the tick lock").register(registry);
    }

    void record(TickReport report, Duration took) {
        if (!report.leader()) {
            return;
        }
        tickDuration.record(took);
        matchesPerTick.record(report.committed());
        matchesCommitted.increment(report.committed());
        matchesWithoutServer.increment(report.withoutServer());
        matchesRefused.increment(report.refused());
        ticketsExpired.increment(report.expired());
        staleClaimsReturned.increment(report.staleClaimsReturned());
        if (report.fenced()) {
            fencedTicks.increment();
        }
    }

    /** Time to match (enqueue → commit) and assigned tickets, per queue. */
    void matched(ClaimedMatch match, Instant committedAt) {
        String queue = tags.queue(match.queueKey());
        Timer timeToMatch = Timer.builder("matchplane.time.to.match").tag("queue", queue)
                .publishPercentiles(0.5, 0.9, 0.99).publishPercentileHistogram().register(registry);
        Counter assigned = Counter.builder("matchplane.tickets.assigned").tag("queue", queue).register(registry);
        for (ClaimedTicket ticket : match.tickets()) {
            timeToMatch.record(Math.max(0, committedAt.toEpochMilli() - ticket.enqueuedAtMillis()),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
            assigned.increment();
        }
    }

    /** A tick started by a wake-up rather than the interval: {@code enqueue} (a queue woke) or {@code change}. */
    void wokenUp(String reason) {
        Counter.builder("matchplane.tick.wakeups").tag("reason", reason)
                .description("Ticks started by a wake-up rather than the interval").register(registry).increment();
    }

    void recordFailure() {
        ticksFailed.increment();
    }

    void leader(boolean held) {
        leader.set(held ? 1 : 0);
    }
}
