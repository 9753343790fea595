package dev.matchplane.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.SimpleTriggerContext;

class TickTriggerTests {

    private static final Duration INTERVAL = Duration.ofMillis(250);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final TickTrigger trigger = new TickTrigger(INTERVAL);

    @Test
    void firstTickOneIntervalAfterStart() {
        SimpleTriggerContext context = new SimpleTriggerContext(Clock.fixed(T0, ZoneOffset.UTC));
        assertThat(trigger.nextExecution(context)).isEqualTo(T0.plus(INTERVAL));
    }

    @Test
    void shortTickThenNextDueOneIntervalAfterThePreviousWasDueNotAfterItEnded() {
        SimpleTriggerContext context = new SimpleTriggerContext(T0, T0.plusMillis(5), T0.plusMillis(60));
        assertThat(trigger.nextExecution(context)).isEqualTo(T0.plus(INTERVAL));
    }

    @Test
    void overrunThenNextAtOnceWithoutCatchingUpOnMissedTicks() {
        Instant done = T0.plusMillis(900);
        SimpleTriggerContext context = new SimpleTriggerContext(T0, T0.plusMillis(5), done);
        assertThat(trigger.nextExecution(context)).isEqualTo(done);
    }
}
