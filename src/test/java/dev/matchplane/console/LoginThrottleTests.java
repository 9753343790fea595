package dev.matchplane.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** Failed logins are counted per client in one-minute windows; a success clears the client's count. */
class LoginThrottleTests {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void refusesAClientAtTheLimitUntilTheMinuteEnds() {
        MutableClock clock = new MutableClock(START);
        LoginThrottle throttle = new LoginThrottle(2, clock);
        throttle.failed("a");
        assertThat(throttle.allows("a")).isTrue();
        throttle.failed("a");
        assertThat(throttle.allows("a")).isFalse();
        assertThat(throttle.allows("b")).isTrue();

        clock.advance(Duration.ofSeconds(60));
        assertThat(throttle.allows("a")).isTrue();
        throttle.failed("a");
        assertThat(throttle.allows("a")).isTrue();
    }

    @Test
    void aSuccessClearsTheCount() {
        LoginThrottle throttle = new LoginThrottle(2, Clock.fixed(START, ZoneOffset.UTC));
        throttle.failed("a");
        throttle.succeeded("a");
        throttle.failed("a");
        assertThat(throttle.allows("a")).isTrue();
    }
}
