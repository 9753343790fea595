package dev.matchplane.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import dev.matchplane.admin.QueueSummaries;
import dev.matchplane.matching.MatchmakingProperties;
import dev.matchplane.matching.QueueCatalog;
import dev.matchplane.matching.ShardDirectory;
import dev.matchplane.provisioning.GameServer;
import dev.matchplane.provisioning.GameServerRegistry;
import dev.matchplane.provisioning.ProvisioningProperties;
import dev.matchplane.provisioning.RegisteredServer;
import dev.matchplane.system.MetricTags;
import dev.matchplane.system.Timestamps;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** The rows of the console's pages, read on each request from the service's own sources; nothing is cached here. */
@Component
@ConditionalOnBooleanProperty(name = "matchmaking.console.enabled", matchIfMissing = true)
class ConsoleFigures {

    private final QueueSummaries queues;
    private final QueueCatalog catalog;
    private final GameServerRegistry servers;
    private final Duration serverTtl;
    private final ShardDirectory shards;
    private final String nodeId;
    private final MeterRegistry meters;
    private final MeterRates rates;
    private final MetricTags tags;
    private final ObjectProvider<QueueRuleSets> ruleSets;
    private final Clock clock;

    ConsoleFigures(QueueSummaries queues, QueueCatalog catalog, GameServerRegistry servers,
            ProvisioningProperties provisioning, ShardDirectory shards, MatchmakingProperties matchmaking,
            MeterRegistry meters, MeterRates rates, MetricTags tags, ObjectProvider<QueueRuleSets> ruleSets,
            Clock clock) {
        this.queues = queues;
        this.catalog = catalog;
        this.servers = servers;
        this.serverTtl = provisioning.serverTtl();
        this.shards = shards;
        this.nodeId = matchmaking.nodeId();
        this.meters = meters;
        this.rates = rates;
        this.tags = tags;
        this.ruleSets = ruleSets;
        this.clock = clock;
    }

    List<QueueRow> queues() {
        long now = clock.millis();
        List<QueueRow> rows = new ArrayList<>();
        queues.waiting().forEach((queueKey, waiting) -> {
            String tag = tags.queue(queueKey);
            double[] ttm = timeToMatch(tag);
            QueueRuleSets names = ruleSets.getIfAvailable();
            rows.add(new QueueRow(queueKey, waiting.count(), Math.max(0, now - waiting.oldestEnqueuedAtMillis()),
                    catalog.policyFor(queueKey).maxWait().toMillis(), ttm[0], ttm[1],
                    rates.lastMinute(tag), names == null ? null : names.ruleSetOf(queueKey).orElse(null)));
        });
        return rows;
    }

    List<ServerRow> servers() {
        Instant now = clock.instant();
        List<RegisteredServer> registered = servers.servers();
        Map<String, Long> lands = servers.landsInUse(registered.stream().map(r -> r.server().serverId()).toList(),
                now);
        return registered.stream().map(r -> {
            GameServer s = r.server();
            return new ServerRow(s.serverId(), s.landType(), s.region(), s.host() + ":" + s.port(),
                    !r.isStale(now, serverTtl), s.capacity(), lands.getOrDefault(s.serverId(), 0L),
                    Math.max(0, Duration.between(r.lastSeenAt(), now).toMillis()));
        }).toList();
    }

    /** The shard map from Redis (the admin view's own source); tick figures are this instance's, all shards added. */
    MatchingView matching() {
        long ticks = 0;
        double totalMs = 0;
        double maxMs = 0;
        for (Timer timer : Search.in(meters).name("matchplane.tick.duration").timers()) {
            ticks += timer.count();
            totalMs += timer.totalTime(TimeUnit.MILLISECONDS);
            maxMs = Math.max(maxMs, timer.max(TimeUnit.MILLISECONDS));
        }
        long wakeUps = (long) Search.in(meters).name("matchplane.tick.wakeups").counters().stream()
                .mapToDouble(Counter::count).sum();
        return new MatchingView(shards.read(), nodeId, ticks, ticks == 0 ? null : totalMs / ticks,
                ticks == 0 ? null : maxMs, wakeUps, rates.lastMinute(MeterRates.ALL_MATCHES));
    }

    /** p50 and p90 (ms) of the queue tag's time-to-match timer; NaN when this instance recorded none lately. */
    private double[] timeToMatch(String queueTag) {
        Timer timer = meters.find("matchplane.time.to.match").tag("queue", queueTag).timer();
        double[] p = { Double.NaN, Double.NaN };
        if (timer == null) {
            return p;
        }
        HistogramSnapshot snapshot = timer.takeSnapshot();
        if (snapshot.count() == 0) {
            return p;
        }
        for (ValueAtPercentile v : snapshot.percentileValues()) {
            if (v.percentile() == 0.5) {
                p[0] = v.value(TimeUnit.MILLISECONDS);
            }
            else if (v.percentile() == 0.9) {
                p[1] = v.value(TimeUnit.MILLISECONDS);
            }
        }
        return p;
    }

    // Records and their public methods are what the templates read (SpEL sees public methods only).

    /**
     * One waiting queue. Warn once its oldest ticket has waited half the queue's max wait, bad past 80 %: tickets
     * are about to expire unmatched.
     */
    record QueueRow(String queueKey, long waiting, long oldestWaitMs, long maxWaitMs, double p50Ms, double p90Ms,
            OptionalLong matchedLastMinute, @Nullable String ruleSet) {

        public String oldestWait() {
            return Display.duration(oldestWaitMs);
        }

        public String maxWait() {
            return Display.duration(maxWaitMs);
        }

        public String p50() {
            return Display.duration(p50Ms);
        }

        public String p90() {
            return Display.duration(p90Ms);
        }

        public String matched() {
            return Display.count(matchedLastMinute);
        }

        public String ruleSetName() {
            return ruleSet == null ? Display.NONE : ruleSet;
        }

        public String status() {
            return oldestWaitMs * 5 >= maxWaitMs * 4 ? "bad" : oldestWaitMs * 2 >= maxWaitMs ? "warn" : "good";
        }
    }

    /** One registered server: bad when stale, warn when every land slot is taken. */
    record ServerRow(String serverId, String landType, @Nullable String region,
            String address, boolean live, @Nullable Integer capacity, long landsInUse,
            long lastSeenAgoMs) {

        public String lastSeen() {
            return Display.duration(lastSeenAgoMs) + " ago";
        }

        public String capacityText() {
            return capacity == null ? "unlimited" : capacity.toString();
        }

        public String regionText() {
            return region == null ? Display.NONE : region;
        }

        public String status() {
            return !live ? "bad" : capacity != null && landsInUse >= capacity ? "warn" : "good";
        }
    }

    record MatchingView(ShardDirectory.Snapshot map, String nodeId, long ticks, @Nullable Double meanTickMs,
            @Nullable Double maxTickMs, long wakeUps, OptionalLong matchesLastMinute) {

        public String meanTick() {
            return meanTickMs == null ? Display.NONE : Display.duration(meanTickMs);
        }

        public String maxTick() {
            return maxTickMs == null ? Display.NONE : Display.duration(maxTickMs);
        }

        public String matchesRate() {
            return Display.count(matchesLastMinute);
        }

        public List<ShardRow> shards() {
            return map.shards().stream().map(h -> new ShardRow(h, nodeId.equals(h.holder()))).toList();
        }

        public List<ShardDirectory.Instance> instances() {
            return map.instances();
        }

        public long held() {
            return map.held();
        }

        public long heldHere() {
            return map.shards().stream().filter(h -> nodeId.equals(h.holder())).count();
        }

        /** Bad while any shard has no holder: its queues are not matched. */
        public String status() {
            return map.held() == map.shards().size() ? "good" : "bad";
        }
    }

    /** One shard of the matching page; {@code here} when this instance holds it. */
    record ShardRow(ShardDirectory.Holding holding, boolean here) {

        public String holderText() {
            return holding.held() ? holding.holder() == null ? "unknown" : holding.holder() : "nobody";
        }

        public String sinceText() {
            return holding.since() == null ? Display.NONE : Timestamps.iso(holding.since());
        }

        public String fenceText() {
            return holding.fence() == null ? Display.NONE : holding.fence().toString();
        }

        public String status() {
            return holding.held() ? "good" : "bad";
        }
    }
}
