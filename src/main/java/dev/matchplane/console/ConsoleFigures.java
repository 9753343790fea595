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
import dev.matchplane.matching.QueueCatalog;
import dev.matchplane.provisioning.GameServer;
import dev.matchplane.provisioning.GameServerRegistry;
import dev.matchplane.provisioning.ProvisioningProperties;
import dev.matchplane.provisioning.RegisteredServer;
import dev.matchplane.system.MetricTags;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
    private final RedisTickLockView tickLock;
    private final MeterRegistry meters;
    private final MeterRates rates;
    private final MetricTags tags;
    private final ObjectProvider<QueueRuleSets> ruleSets;
    private final Clock clock;

    ConsoleFigures(QueueSummaries queues, QueueCatalog catalog, GameServerRegistry servers,
            ProvisioningProperties provisioning, RedisTickLockView tickLock, MeterRegistry meters, MeterRates rates,
            MetricTags tags, ObjectProvider<QueueRuleSets> ruleSets, Clock clock) {
        this.queues = queues;
        this.catalog = catalog;
        this.servers = servers;
        this.serverTtl = provisioning.serverTtl();
        this.tickLock = tickLock;
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

    MatchingView matching() {
        Timer ticks = meters.find("matchplane.tick.duration").timer();
        HistogramSnapshot snapshot = ticks == null ? null : ticks.takeSnapshot();
        Double held = meters.find("matchplane.tick.lock.held").gauge() == null ? null
                : meters.find("matchplane.tick.lock.held").gauge().value();
        return new MatchingView(tickLock.read(), held != null && held >= 1,
                snapshot == null ? 0 : snapshot.count(),
                snapshot == null || snapshot.count() == 0 ? null : snapshot.mean(TimeUnit.MILLISECONDS),
                snapshot == null || snapshot.count() == 0 ? null : snapshot.max(TimeUnit.MILLISECONDS),
                rates.lastMinute(MeterRates.ALL_MATCHES));
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

    record MatchingView(RedisTickLockView.TickLockState lock, boolean heldHere, long ticks,
            @Nullable Double meanTickMs, @Nullable Double maxTickMs,
            OptionalLong matchesLastMinute) {

        public String meanTick() {
            return meanTickMs == null ? Display.NONE : Display.duration(meanTickMs);
        }

        public String maxTick() {
            return maxTickMs == null ? Display.NONE : Display.duration(maxTickMs);
        }

        public String matchesRate() {
            return Display.count(matchesLastMinute);
        }

        public String holder() {
            return lock.holderFence().isPresent() ? "fence " + lock.holderFence().getAsLong() : "nobody";
        }

        public String lease() {
            return lock.leaseLeftMs().isPresent() ? Display.duration(lock.leaseLeftMs().getAsLong()) : Display.NONE;
        }

        public String status() {
            return lock.holderFence().isPresent() ? "good" : "bad";
        }
    }
}
