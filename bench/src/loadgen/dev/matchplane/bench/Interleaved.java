package dev.matchplane.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * By-hand before/after comparison of the request path (bench/request-path.sh, not bench/run.sh): several running
 * instances measured in turn, in short slices of health, enqueue and status, round after round, so that every
 * instance meets the same background load. Prints each instance's req/s and ratio to health over all rounds, and
 * the lowest and highest per-round ratio (the spread).
 */
final class Interleaved {

    private static final Pattern TICKET_ID = Pattern.compile("\"ticketId\":\"([^\"]+)\"");
    private static final String[] ENDPOINTS = { "health", "enqueue", "status" };

    private Interleaved() {
    }

    static void run(Config config) throws Exception {
        List<String> bases = config.list("bases", "");
        List<String> names = config.list("names", String.join(",", bases));
        int concurrency = config.integer("concurrency", 16);
        Duration slice = config.seconds("slice", 2);
        int warmRounds = config.integer("warmRounds", 5);
        int rounds = config.integer("rounds", 8);
        String tag = Config.tag();
        List<Config> targets = new ArrayList<>();
        List<List<String>> ids = new ArrayList<>();
        for (String base : bases) {
            Config target = new Config(new String[] { "base=" + base });
            targets.add(target);
            ids.add(seed(target, tag, 500));
        }
        // [instance][endpoint] requests and seconds; [instance][round] ratios of enqueue and status
        long[][] ok = new long[bases.size()][ENDPOINTS.length];
        double[][] seconds = new double[bases.size()][ENDPOINTS.length];
        List<Map<String, List<Double>>> perRound = new ArrayList<>();
        bases.forEach(b -> perRound.add(new LinkedHashMap<>(Map.of("enqueue", new ArrayList<>(), "status",
                new ArrayList<>()))));
        for (int round = 0; round < warmRounds + rounds; round++) {
            for (int i = 0; i < targets.size(); i++) {
                double[] rate = new double[ENDPOINTS.length];
                for (int e = 0; e < ENDPOINTS.length; e++) {
                    ClosedLoop.Outcome o = slice(targets.get(i), ENDPOINTS[e], ids.get(i), tag + i + "r" + round,
                            concurrency, slice);
                    rate[e] = o.perSecond();
                    if (round >= warmRounds) {
                        ok[i][e] += o.ok;
                        seconds[i][e] += o.seconds;
                    }
                }
                if (round >= warmRounds) {
                    perRound.get(i).get("enqueue").add(rate[1] / rate[0]);
                    perRound.get(i).get("status").add(rate[2] / rate[0]);
                }
            }
            System.out.printf("  round %d of %d%s%n", round + 1, warmRounds + rounds,
                    round < warmRounds ? " (warm-up)" : "");
        }
        for (int i = 0; i < targets.size(); i++) {
            double health = ok[i][0] / seconds[i][0];
            StringBuilder line = new StringBuilder(String.format("%-10s health %6.0f req/s", names.get(i), health));
            for (int e = 1; e < ENDPOINTS.length; e++) {
                double rate = ok[i][e] / seconds[i][e];
                List<Double> ratios = perRound.get(i).get(ENDPOINTS[e]);
                line.append(String.format(" | %s %6.0f req/s = %4.1f %% of health (rounds %4.1f-%4.1f %%)",
                        ENDPOINTS[e], rate, 100 * rate / health,
                        100 * ratios.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                        100 * ratios.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
            }
            System.out.println(line);
        }
    }

    private static ClosedLoop.Outcome slice(Config target, String endpoint, List<String> ids, String players,
            int concurrency, Duration slice) throws InterruptedException {
        return ClosedLoop.run(target, concurrency, Duration.ofMillis(300), slice, (http, w, seq) -> switch (endpoint) {
            case "health" -> http.get("/health");
            case "enqueue" -> http.post("/v1/matchmaking/enqueue", body("bn" + players, "p" + players + "-" + seq));
            default -> http.get("/v1/matchmaking/status/" + ids.get((int) (seq % ids.size())));
        });
    }

    /** Tickets for the status slices, in a queue without a game server, so they stay queued. */
    private static List<String> seed(Config target, String tag, int count) throws IOException {
        List<String> ids = new ArrayList<>();
        try (RawHttp http = new RawHttp(target.host(), target.port())) {
            for (int i = 0; i < count; i++) {
                http.post("/v1/matchmaking/enqueue", body("bs" + tag, "s" + tag + "-" + i));
                Matcher m = TICKET_ID.matcher(http.body());
                if (m.find()) {
                    ids.add(m.group(1));
                }
            }
        }
        return ids;
    }

    private static String body(String queue, String player) {
        return "{\"queueKey\":\"" + queue + ":2\",\"groupId\":\"g-" + player + "\",\"members\":[\"" + player
                + "\"],\"groupSize\":1}";
    }
}
