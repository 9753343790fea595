package dev.matchplane.bench;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app's own tick metrics over a measurement (/actuator/metrics): how many ticks ran, how long they took, and
 * how much of the wall time the tick thread was busy — the rest is the gap between ticks.
 */
final class TickMeter {

    private static final Pattern STAT = Pattern.compile("\\{\"statistic\":\"([A-Z_]+)\",\"value\":([0-9.eE+-]+)\\}");

    private final Config config;
    private final long startedNanos;
    private final Map<String, Double> tick;
    private final Map<String, Double> fenced;

    private TickMeter(Config config) {
        this.config = config;
        this.startedNanos = System.nanoTime();
        this.tick = read(config, "matchplane.tick.duration");
        this.fenced = read(config, "matchplane.tick.fenced");
    }

    static TickMeter start(Config config) {
        return new TickMeter(config);
    }

    Map<String, Object> stop() {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        Map<String, Double> tickEnd = read(config, "matchplane.tick.duration");
        Map<String, Double> fencedEnd = read(config, "matchplane.tick.fenced");
        Map<String, Object> out = new LinkedHashMap<>();
        double count = tickEnd.getOrDefault("COUNT", 0.0) - tick.getOrDefault("COUNT", 0.0);
        double busy = tickEnd.getOrDefault("TOTAL_TIME", 0.0) - tick.getOrDefault("TOTAL_TIME", 0.0);
        out.put("ticks", Math.round(count));
        out.put("mean_tick_ms", count == 0 ? null : Fmt.round(busy / count * 1000));
        out.put("tick_thread_busy_fraction", Fmt.round(busy / seconds));
        out.put("fenced_ticks", Math.round(fencedEnd.getOrDefault("COUNT", 0.0) - fenced.getOrDefault("COUNT", 0.0)));
        return out;
    }

    private static Map<String, Double> read(Config config, String metric) {
        Map<String, Double> values = new LinkedHashMap<>();
        try (RawHttp http = new RawHttp(config.host(), config.port())) {
            if (http.get("/actuator/metrics/" + metric) == 200) {
                Matcher m = STAT.matcher(http.body());
                while (m.find()) {
                    values.put(m.group(1), Double.parseDouble(m.group(2)));
                }
            }
        }
        catch (IOException ex) {
            // metrics are a diagnostic; the figure stands without them
        }
        return values;
    }
}
