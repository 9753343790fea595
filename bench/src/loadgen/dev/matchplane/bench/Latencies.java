package dev.matchplane.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every sample kept (a few hundred thousand at most), sorted once for exact percentiles. Not thread-safe. */
final class Latencies {

    private long[] nanos = new long[1 << 14];
    private int count;
    private boolean sorted;

    void add(long sampleNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = sampleNanos;
        sorted = false;
    }

    void addAll(Latencies other) {
        for (int i = 0; i < other.count; i++) {
            add(other.nanos[i]);
        }
    }

    int count() {
        return count;
    }

    /** Percentile in milliseconds (nearest rank), NaN when empty. */
    double ms(double percentile) {
        if (count == 0) {
            return Double.NaN;
        }
        if (!sorted) {
            Arrays.sort(nanos, 0, count);
            sorted = true;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * count);
        return nanos[Math.min(count - 1, Math.max(0, rank - 1))] / 1e6;
    }

    double maxMs() {
        return ms(100);
    }

    Map<String, Object> summary() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("samples", count);
        s.put("p50_ms", Fmt.round(ms(50)));
        s.put("p90_ms", Fmt.round(ms(90)));
        s.put("p99_ms", Fmt.round(ms(99)));
        s.put("max_ms", Fmt.round(maxMs()));
        return s;
    }
}
