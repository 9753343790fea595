package dev.matchplane.console;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Per-minute rates of counters the service already keeps (matches committed, tickets assigned per queue): every few
 * seconds it reads their running totals and keeps the last minute of readings, so a rate is the change over that
 * minute (or over the readings there are, just after start). It counts nothing itself. Like the counters, the rates
 * are this instance's: only the instance that runs the ticks has any.
 */
@Component
@ConditionalOnBooleanProperty(name = "matchmaking.console.enabled", matchIfMissing = true)
class MeterRates {

    static final String ALL_MATCHES = "";
    private static final long MINUTE_MILLIS = 60_000;

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Deque<long[]>> readings = new HashMap<>();

    MeterRates(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 5_000, initialDelay = 0)
    synchronized void sample() {
        long now = clock.millis();
        Counter matches = registry.find("matchplane.matches").tag("outcome", "committed").counter();
        record(ALL_MATCHES, matches == null ? 0 : matches.count(), now);
        Search.in(registry).name("matchplane.tickets.assigned").counters()
                .forEach(c -> record(c.getId().getTag("queue"), c.count(), now));
    }

    /**
     * Change per minute of the queue tag's tickets assigned ({@link #ALL_MATCHES}: of matches committed); empty
     * before two readings exist.
     */
    synchronized OptionalDouble perMinute(String key) {
        Deque<long[]> series = readings.get(key);
        if (series == null || series.size() < 2 || series.getLast()[0] == series.getFirst()[0]) {
            return OptionalDouble.empty();
        }
        long[] first = series.getFirst();
        long[] last = series.getLast();
        return OptionalDouble.of((last[1] - first[1]) * (double) MINUTE_MILLIS / (last[0] - first[0]));
    }

    private void record(String key, double total, long now) {
        Deque<long[]> series = readings.computeIfAbsent(key == null ? "" : key, k -> new ArrayDeque<>());
        series.addLast(new long[] { now, (long) total });
        while (series.size() > 2 && now - series.getFirst()[0] > MINUTE_MILLIS) {
            series.removeFirst();
        }
    }
}
