package dev.matchplane.matching;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

import dev.matchplane.system.MetricTags;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * Tick metrics: duration, ticks, wake-ups and matches per shard (tag {@code shard}, bounded by
 * {@code matchmaking.shards}), shards held, outcomes. A shard's meters appear once this instance first ticks or holds
 * it, so an instance that never ticks exports none of them.
 */
@Component
class MatchingMetrics {

    private final Counter ticksFailed;
    private final Counter matchesWithoutServer;
    private final Counter ticketsExpired;
    private final Counter staleClaimsReturned;
    private final Counter fencedTicks;
    private final DistributionSummary matchesPerTick;
    private final AtomicIntegerArray held;
    private final boolean[] heldGaugeRegistered;
    private final MeterRegistry registry;
    private final MetricTags tags;

    MatchingMetrics(MeterRegistry registry, MetricTags tags, MatchmakingProperties properties) {
        this.registry = registry;
        this.tags = tags;
        ticksFailed = Counter.builder("matchplane.tick.failures").register(registry);
        matchesWithoutServer = Counter.builder("matchplane.allocation.failures").tag("reason", "no_capacity")
                .description("Claimed matches put back because no live server had room").register(registry);
        ticketsExpired = Counter.builder("matchplane.tickets.expired").register(registry);
        staleClaimsReturned = Counter.builder("matchplane.claims.returned").register(registry);
        fencedTicks = Counter.builder("matchplane.tick.fenced").register(registry);
        matchesPerTick = DistributionSummary.builder("matchplane.tick.matches").register(registry);
        held = new AtomicIntegerArray(properties.shards());
        heldGaugeRegistered = new boolean[properties.shards()];
        Gauge.builder("matchplane.shards", properties::shards)
                .description("Shards the queues are spread over (matchmaking.shards)").register(registry);
    }

    /** One shard's tick: counted only when this instance held the shard. */
    void record(int shard, TickReport report, Duration took) {
        if (!report.leader()) {
            return;
        }
        String tag = Integer.toString(shard);
        Timer.builder("matchplane.tick.duration").description("Duration of ticks that held their shard's lock")
                .tag("shard", tag).publishPercentileHistogram().register(registry).record(took);
        matchesPerTick.record(report.committed());
        matches(tag, "committed", "Matches committed").increment(report.committed());
        matches(tag, "refused", "Matches dropped at commit because a ticket was cancelled meanwhile")
                .increment(report.refused());
        matchesWithoutServer.increment(report.withoutServer());
        ticketsExpired.increment(report.expired());
        staleClaimsReturned.increment(report.staleClaimsReturned());
        if (report.fenced()) {
            fencedTicks.increment();
        }
    }

    private Counter matches(String shard, String outcome, String description) {
        return Counter.builder("matchplane.matches").tag("outcome", outcome).tag("shard", shard)
                .description(description).register(registry);
    }

    /** Time to match (enqueue → commit) and assigned tickets, per queue. */
    void matched(ClaimedMatch match, Instant committedAt) {
        String queue = tags.queue(match.queueKey());
        Timer timeToMatch = Timer.builder("matchplane.time.to.match").tag("queue", queue)
                .publishPercentiles(0.5, 0.9, 0.99).publishPercentileHistogram().register(registry);
        Counter assigned = Counter.builder("matchplane.tickets.assigned").tag("queue", queue).register(registry);
        for (ClaimedTicket ticket : match.tickets()) {
            timeToMatch.record(Math.max(0, committedAt.toEpochMilli() - ticket.enqueuedAtMillis()),
                    TimeUnit.MILLISECONDS);
            assigned.increment();
        }
    }

    /**
     * A shard's tick started by a wake-up rather than the interval: {@code enqueue} (one of its queues woke) or
     * {@code change}.
     */
    void wokenUp(String reason, int shard) {
        Counter.builder("matchplane.tick.wakeups").tag("reason", reason).tag("shard", Integer.toString(shard))
                .description("Ticks started by a wake-up rather than the interval").register(registry).increment();
    }

    void recordFailure() {
        ticksFailed.increment();
    }

    /** Whether this instance holds the shard now; the gauge appears the first time it does. */
    synchronized void held(int shard, boolean holds) {
        held.set(shard, holds ? 1 : 0);
        if (holds && !heldGaugeRegistered[shard]) {
            heldGaugeRegistered[shard] = true;
            Gauge.builder("matchplane.tick.lock.held", () -> held.get(shard))
                    .description("1 while this instance holds the shard's lock").tag("shard", Integer.toString(shard))
                    .register(registry);
        }
    }

    /** Shards this instance holds now. */
    int heldCount() {
        int count = 0;
        for (int shard = 0; shard < held.length(); shard++) {
            count += held.get(shard);
        }
        return count;
    }
}
