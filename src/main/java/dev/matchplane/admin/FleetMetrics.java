package dev.matchplane.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.matchplane.provisioning.GameServerRegistry;
import dev.matchplane.provisioning.ProvisioningProperties;
import dev.matchplane.provisioning.RegisteredServer;
import dev.matchplane.system.MetricTags;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Queue depth per queue and registered/live servers per landType, refreshed from Redis every few seconds (not per
 * scrape, so a scrape never costs Redis work). Every instance reports the same shared figures: aggregate with max.
 */
@Component
class FleetMetrics {

    private static final Logger log = LoggerFactory.getLogger(FleetMetrics.class);

    private final QueueSummaries queues;
    private final GameServerRegistry registry;
    private final ProvisioningProperties provisioning;
    private final MetricTags tags;
    private final Clock clock;
    private final MultiGauge queueDepth;
    private final MultiGauge servers;

    FleetMetrics(QueueSummaries queues, GameServerRegistry registry, ProvisioningProperties provisioning,
            MetricTags tags, Clock clock, MeterRegistry meters) {
        this.queues = queues;
        this.registry = registry;
        this.provisioning = provisioning;
        this.tags = tags;
        this.clock = clock;
        this.queueDepth = MultiGauge.builder("matchplane.queue.depth").description("Tickets waiting per queue")
                .register(meters);
        this.servers = MultiGauge.builder("matchplane.servers").description("Game servers per landType and state")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${matchmaking.metrics-refresh:5s}")
    void refresh() {
        try {
            List<MultiGauge.Row<?>> depthRows = new ArrayList<>();
            queues.queuedCounts().forEach((queue, count) ->
                    depthRows.add(MultiGauge.Row.of(Tags.of("queue", tags.queue(queue)), count)));
            queueDepth.register(depthRows, true);
            servers.register(serverRows(clock.instant()), true);
        }
        catch (RuntimeException unavailable) {
            log.debug("Fleet metrics not refreshed: {}", unavailable.toString());
        }
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
