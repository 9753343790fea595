package dev.matchplane.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** Last-minute counts are differences of the service's own counters, over a sliding minute of readings. */
class MeterRatesTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MeterRates rates = new MeterRates(registry, clock);

    @Test
    void aCounterFirstUsedBetweenReadingsCountsFromZero() {
        rates.sample();
        assertThat(rates.lastMinute("q")).isEmpty();
        assigned("q").increment(4);
        after(Duration.ofSeconds(5));
        assertThat(rates.lastMinute("q")).isEqualTo(OptionalLong.of(4));
    }

    @Test
    void countsOnlyTheLastMinute() {
        rates.sample();
        Counter q = assigned("q");
        q.increment(10);
        after(Duration.ofSeconds(5));
        for (int i = 0; i < 12; i++) {
            q.increment(1);
            after(Duration.ofSeconds(5));
        }
        // readings at 5 s .. 65 s; the baseline is the one a minute before the last (at 5 s: 10 counted)
        assertThat(rates.lastMinute("q")).isEqualTo(OptionalLong.of(12));
        after(Duration.ofSeconds(60));
        assertThat(rates.lastMinute("q")).isEqualTo(OptionalLong.of(0));
    }

    @Test
    void matchesCommittedAreCountedUnderTheirOwnKey() {
        Counter committed = Counter.builder("matchplane.matches").tag("outcome", "committed").register(registry);
        rates.sample();
        committed.increment(3);
        after(Duration.ofSeconds(5));
        assertThat(rates.lastMinute(MeterRates.ALL_MATCHES)).isEqualTo(OptionalLong.of(3));
    }

    private Counter assigned(String queue) {
        return Counter.builder("matchplane.tickets.assigned").tag("queue", queue).register(registry);
    }

    private void after(Duration elapsed) {
        clock.advance(elapsed);
        rates.sample();
    }
}
