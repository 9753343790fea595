package dev.matchplane.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.matchplane.matching.QueueCatalog;
import dev.matchplane.provisioning.GameServerRegistry;
import dev.matchplane.provisioning.ProvisioningProperties;
import dev.matchplane.provisioning.RegisteredServer;
import dev.matchplane.stats.QueueStatistics;
import dev.matchplane.stats.RedisQueueStats;
import dev.matchplane.stats.WaitEstimates;
import dev.matchplane.system.MetricTags;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Per queue: depth, oldest wait and max wait; registered/live servers per landType; whether Redis answered. Refreshed
 * from Redis every few seconds (not per scrape, so a scrape never costs Redis work). Every instance reports the same
 * shared figures: aggregate with max. Queue rows exist only for queues with waiting tickets (a queue's row goes with
 * its last ticket), under the bounded tag values of {@link MetricTags}. The recent figures (matches in the last
 * minute, time to match p50/p90 over 5 minutes, the wait estimate) exist for the queues with a match in the last
 * hour ({@link RedisQueueStats#recentQueues}), read with one script each.
 */
@Component
class FleetMetrics {

    private static final Logger log = LoggerFactory.getLogger(FleetMetrics.class);

    private final QueueSummaries queues;
    private final QueueCatalog catalog;
    private final GameServerRegistry registry;
    private final ProvisioningProperties provisioning;
    private final MetricTags tags;
    private final Clock clock;
    private final MultiGauge queueDepth;
    private final MultiGauge oldestWait;
    private final MultiGauge maxWait;
    private final MultiGauge servers;
    private final RedisQueueStats stats;
    private final MultiGauge matchesLastMinute;
    private final MultiGauge recentTimeToMatch;
    private final MultiGauge estimatedWait;
    private final AtomicInteger redisUp = new AtomicInteger();

    FleetMetrics(QueueSummaries queues, QueueCatalog catalog, GameServerRegistry registry,
            ProvisioningProperties provisioning, MetricTags tags, Clock clock, MeterRegistry meters,
            RedisQueueStats stats) {
        this.stats = stats;
        this.matchesLastMinute = MultiGauge.builder("matchplane.queue.matches.last.minute")
                .description("Matches committed in the last 60 s per queue").register(meters);
        this.recentTimeToMatch = MultiGauge.builder("matchplane.queue.time.to.match.recent").baseUnit("seconds")
                .description("Time to match over the last 5 minutes per queue (quantile 0.5 and 0.9), from Redis")
                .register(meters);
        this.estimatedWait = MultiGauge.builder("matchplane.queue.estimated.wait").baseUnit("seconds")
                .description("The wait a ticket joining each queue now is told to expect").register(meters);
        this.queues = queues;
        this.catalog = catalog;
        this.registry = registry;
        this.provisioning = provisioning;
        this.tags = tags;
        this.clock = clock;
        this.queueDepth = MultiGauge.builder("matchplane.queue.depth").description("Tickets waiting per queue")
                .register(meters);
        this.oldestWait = MultiGauge.builder("matchplane.queue.oldest.wait").baseUnit("seconds")
                .description("How long the longest-waiting ticket of each queue has waited").register(meters);
        this.maxWait = MultiGauge.builder("matchplane.queue.max.wait").baseUnit("seconds")
                .description("Each queue's max wait: a ticket waiting longer expires").register(meters);
        this.servers = MultiGauge.builder("matchplane.servers").description("Game servers per landType and state")
                .register(meters);
        Gauge.builder("matchplane.redis.up", redisUp, AtomicInteger::get)
                .description("1 when this instance's last metrics refresh read Redis, 0 when it failed")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${matchmaking.metrics-refresh:5s}")
    void refresh() {
        try {
            Instant now = clock.instant();
            registerQueueRows(queues.waiting(), now);
            servers.register(serverRows(now), true);
            registerRecentRows(now);
            redisUp.set(1);
        }
        catch (RuntimeException unavailable) {
            redisUp.set(0);
            log.debug("Fleet metrics not refreshed: {}", unavailable.toString());
        }
    }

    /** Queues past the tag bound share the tag "other": their depths add up, the worst waits count. */
    private void registerQueueRows(Map<String, QueueSummaries.Waiting> waiting, Instant now) {
        Map<String, double[]> byTag = new TreeMap<>();
        waiting.forEach((queueKey, w) -> {
            double waited = Math.max(0, now.toEpochMilli() - w.oldestEnqueuedAtMillis()) / 1000.0;
            double max = catalog.policyFor(queueKey).maxWait().toMillis() / 1000.0;
            byTag.merge(tags.queue(queueKey), new double[] { w.count(), waited, max }, (a, b) -> new double[] {
                    a[0] + b[0], Math.max(a[1], b[1]), Math.min(a[2], b[2]) });
        });
        List<MultiGauge.Row<?>> depth = new ArrayList<>();
        List<MultiGauge.Row<?>> oldest = new ArrayList<>();
        List<MultiGauge.Row<?>> max = new ArrayList<>();
        byTag.forEach((queue, v) -> {
            Tags queueTag = Tags.of("queue", queue);
            depth.add(MultiGauge.Row.of(queueTag, v[0]));
            oldest.add(MultiGauge.Row.of(queueTag, v[1]));
            max.add(MultiGauge.Row.of(queueTag, v[2]));
        });
        queueDepth.register(depth, true);
        oldestWait.register(oldest, true);
        maxWait.register(max, true);
    }

    /** Queues past the tag bound share "other", which reports the worst (largest) figure among them. */
    private void registerRecentRows(Instant now) {
        Map<String, double[]> byTag = new TreeMap<>();
        for (String queueKey : stats.recentQueues(now)) {
            QueueStatistics figures = stats.read(queueKey, now);
            Long estimate = WaitEstimates.forQueue(figures, catalog.policyFor(queueKey).matchSize());
            double[] row = { figures.matchesLastMinute(), seconds(figures.p50()), seconds(figures.p90()),
                    seconds(estimate) };
            byTag.merge(tags.queue(queueKey), row, (a, b) -> new double[] { Math.max(a[0], b[0]),
                    Math.max(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3]) });
        }
        List<MultiGauge.Row<?>> matches = new ArrayList<>();
        List<MultiGauge.Row<?>> quantiles = new ArrayList<>();
        List<MultiGauge.Row<?>> estimates = new ArrayList<>();
        byTag.forEach((queue, v) -> {
            matches.add(MultiGauge.Row.of(Tags.of("queue", queue), v[0]));
            if (v[1] >= 0) {
                quantiles.add(MultiGauge.Row.of(Tags.of("queue", queue, "quantile", "0.5"), v[1]));
                quantiles.add(MultiGauge.Row.of(Tags.of("queue", queue, "quantile", "0.9"), v[2]));
            }
            if (v[3] >= 0) {
                estimates.add(MultiGauge.Row.of(Tags.of("queue", queue), v[3]));
            }
        });
        matchesLastMinute.register(matches, true);
        recentTimeToMatch.register(quantiles, true);
        estimatedWait.register(estimates, true);
    }

    /** Milliseconds as seconds; -1 (no row) without a figure. */
    private static double seconds(@org.jspecify.annotations.Nullable Long millis) {
        return millis == null ? -1 : millis / 1000.0;
    }

    private List<MultiGauge.Row<?>> serverRows(Instant now) {
        Map<String, int[]> byLandType = new TreeMap<>();
        for (RegisteredServer server : registry.servers()) {
            int[] counts = byLandType.computeIfAbsent(server.server().landType(), k -> new int[2]);
            counts[0]++;
            if (!server.isStale(now, provisioning.serverTtl())) {
                counts[1]++;
            }
        }
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        byLandType.forEach((landType, counts) -> {
            rows.add(MultiGauge.Row.of(Tags.of("landType", landType, "state", "registered"), counts[0]));
            rows.add(MultiGauge.Row.of(Tags.of("landType", landType, "state", "live"), counts[1]));
        });
        return rows;
    }
}
