package dev.matchplane.matching;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

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

    MatchingMetrics(MeterRegistry registry) {
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

    void recordFailure() {
        ticksFailed.increment();
    }

    void leader(boolean held) {
        leader.set(held ? 1 : 0);
    }
}
