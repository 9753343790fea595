package dev.matchplane.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LivenessTests {

    private static final long INTERVAL = 25_000;

    @Test
    void silentForLessThanAnIntervalThenNothing() {
        assertThat(Liveness.verdict(0, INTERVAL)).isEqualTo(Liveness.Verdict.NONE);
        assertThat(Liveness.verdict(INTERVAL - 1, INTERVAL)).isEqualTo(Liveness.Verdict.NONE);
    }

    @Test
    void silentForAnIntervalThenPing() {
        assertThat(Liveness.verdict(INTERVAL, INTERVAL)).isEqualTo(Liveness.Verdict.PING);
        assertThat(Liveness.verdict(2 * INTERVAL - 1, INTERVAL)).isEqualTo(Liveness.Verdict.PING);
    }

    @Test
    void silentForTwoIntervalsThenClose() {
        assertThat(Liveness.verdict(2 * INTERVAL, INTERVAL)).isEqualTo(Liveness.Verdict.CLOSE);
    }
}
