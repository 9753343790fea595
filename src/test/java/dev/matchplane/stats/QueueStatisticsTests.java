package dev.matchplane.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The percentile and estimate arithmetic over the per-second histogram (bucket bounds as commit.lua writes them). */
class QueueStatisticsTests {

    @Test
    void noSamplesGiveNoPercentileAndNoEstimate() {
        assertThat(QueueStatistics.quantile(Map.of(), 0.5)).isNull();
        QueueStatistics empty = new QueueStatistics("q", 5, 100, 0, 0, 60_000, null, null);
        assertThat(empty.estimatedWaitMs(6, 2)).isNull();
    }

    @Test
    void percentilesInterpolateInsideTheirBucketAndStayWithinItsBounds() {
        // bucket 8 is [100 * 2^(7/4), 100 * 2^2) = [336.4, 400) ms
        Long p50 = QueueStatistics.quantile(Map.of(8, 10L), 0.5);
        assertThat(p50).isBetween(336L, 400L);
        Long p90 = QueueStatistics.quantile(Map.of(0, 5L, 20, 5L), 0.9);
        assertThat(p90).isBetween(Math.round(QueueStatistics.lowerBound(20)), Math.round(QueueStatistics.upperBound(20)));
        assertThat(QueueStatistics.quantile(Map.of(0, 9L, 20, 1L), 0.5)).isLessThan(100L);
    }

    @Test
    void estimateIsTheMedianUnlessTheBacklogTakesLongerToClear() {
        QueueStatistics steady = new QueueStatistics("q", 4, 300, 120, 240, 60_000, 500L, 900L);
        assertThat(steady.estimatedWaitMs(2, 2)).as("no backlog: the median").isEqualTo(500L);
        // 40 tickets, 2 per match, 120 matches per minute: 20 matches at 2 per second take 10 s
        assertThat(steady.estimatedWaitMs(40, 2)).isEqualTo(10_000L);
        QueueStatistics young = new QueueStatistics("q", 40, 300, 10, 20, 5_000, 500L, 900L);
        assertThat(young.estimatedWaitMs(40, 2)).as("10 matches in the 5 s since the first").isEqualTo(10_000L);
        QueueStatistics stalled = new QueueStatistics("q", 40, 300, 0, 0, 60_000, 500L, 900L);
        assertThat(stalled.estimatedWaitMs(40, 2)).as("no matches in the last minute: the median").isEqualTo(500L);
    }
}
