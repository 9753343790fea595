package dev.matchplane.console;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Last-minute counts from counters the service already keeps (matches committed, tickets assigned per queue): every
 * few seconds it reads their running totals and keeps the readings of the last minute, so a count is the change
 * since the reading a minute ago (or since the first reading, just after start). It counts nothing itself. Like the
 * counters, the figures are this instance's: only the instance that runs the ticks has any.
 */
@Component
@ConditionalOnBooleanProperty(name = "matchmaking.console.enabled", matchIfMissing = true)
class MeterRates {

    static final String ALL_MATCHES = "";
    private static final long MINUTE_MILLIS = 60_000;

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Deque<long[]>> readings = new HashMap<>();
    private long lastSampleAt;

    MeterRates(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 5_000, initialDelay = 0)
    synchronized void sample() {
        long now = clock.millis();
        // one counter per shard this instance ticked: their sum is this instance's matches
        double matches = Search.in(registry).name("matchplane.matches").tag("outcome", "committed").counters()
                .stream().mapToDouble(Counter::count).sum();
        record(ALL_MATCHES, matches, now);
        Search.in(registry).name("matchplane.tickets.assigned").counters()
                .forEach(c -> record(c.getId().getTag("queue"), c.count(), now));
        lastSampleAt = now;
    }

    /**
     * Tickets of the queue tag assigned in about the last minute ({@link #ALL_MATCHES}: matches committed); empty
     * before two readings exist.
     */
    synchronized OptionalLong lastMinute(String key) {
        Deque<long[]> series = readings.get(key);
        if (series == null || series.size() < 2) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(series.getLast()[1] - series.getFirst()[1]);
    }

    private void record(String key, double total, long now) {
        Deque<long[]> series = readings.computeIfAbsent(key == null ? "" : key, k -> new ArrayDeque<>());
        if (series.isEmpty() && lastSampleAt > 0) {
            // a counter is registered at zero on its first use: it was zero at the previous reading
            series.addLast(new long[] { lastSampleAt, 0 });
        }
        series.addLast(new long[] { now, (long) total });
        // keep the newest reading that is at least a minute old as the baseline
        while (series.size() > 2 && now - second(series)[0] >= MINUTE_MILLIS) {
            series.removeFirst();
        }
    }

    private static long[] second(Deque<long[]> series) {
        Iterator<long[]> readings = series.iterator();
        readings.next();
        return readings.next();
    }
}
