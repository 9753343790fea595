package dev.matchplane.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * drain-rules: the cost of a rule set to the matching throughput. The same population ({@link Population}) waits
 * twice in a {@code :10} queue whose landType has no server yet: once under the 5v5 ranked rule set
 * ({@link Quality#RANKED_5V5}) and once under none. Then four servers (one per region) register and the bench polls
 * the queue. A rule set leaves some tickets unmatched (a skill outlier waits for the expansions), so the figure is
 * the time to match 90 % of the tickets that leave the queue, in players per second; a first, smaller pair of drains
 * warms the JIT and is not measured.
 */
final class RuledDrain {

    private static final double SHARE = 0.9;
    private static final long POLL_MS = 20;

    private final Config config;
    private final String tag = Config.tag();

    RuledDrain(Config config) {
        this.config = config;
    }

    void run() throws Exception {
        int players = config.integer("drainRulesPlayers", 20_000);
        long seed = config.integer("qualitySeed", 42);
        drain(false, players / 4, seed + 1, "w");
        drain(true, players / 4, seed + 1, "w");
        double plain = drain(false, players, seed, "m");
        double ruled = drain(true, players, seed, "m");
        double ratio = ruled / plain;
        new Result("drain-rules", config.phase())
                .put("players", players)
                .put("players_per_second_rules", Math.round(ruled))
                .put("players_per_second_no_rules", Math.round(plain))
                .put("ratio", Fmt.round(ratio))
                .put("note", "players/s until " + Math.round(SHARE * 100)
                        + " % of the tickets that left the queue had left it")
                .row(Fmt.num(players) + " players waiting in parties of 1-3, :10, 5v5 ranked rule set",
                        Fmt.num(ruled) + " players/s", "no rules: " + Fmt.num(plain) + " players/s", Fmt.pct(ratio),
                        ">= 80% of the drain without rules", Result.verdict(ratio >= 0.8))
                .save(config.parts());
    }

    /** One drain; players matched per second (to {@link #SHARE} of what left the queue). */
    private double drain(boolean rules, int players, long seed, String round) throws Exception {
        String landType = "dr" + (rules ? "r" : "n") + round + tag;
        String queueKey = landType + ":10";
        List<Population.Party> parties = Population.generate(seed, players, landType + "-");
        if (rules) {
            try (RawHttp http = new RawHttp(config.host(), config.port())) {
                int status = http.put("/v1/admin/rulesets/drain-" + landType, Quality.RANKED_5V5.formatted(
                        landType + ":*"));
                if (status != 200) {
                    throw new IOException("rule set refused: " + status + " " + http.body());
                }
            }
        }
        enqueue(parties, queueKey);
        String prefix = config.require("prefix");
        try (Resp redis = new Resp(config.require("redis"))) {
            long waiting = redis.number("ZCARD", prefix + "queue:" + queueKey);
            long t0 = System.nanoTime();
            AutoCloseable heartbeat = Quality.heartbeat(config, landType);
            List<long[]> samples = poll(redis, prefix + "queue:" + queueKey, prefix + "claims", waiting);
            heartbeat.close();
            long left = waiting - samples.get(samples.size() - 1)[1];
            long target = (long) Math.ceil(SHARE * left);
            long reachedAt = samples.stream().filter(s -> waiting - s[1] >= target).findFirst()
                    .map(s -> s[0]).orElse(System.nanoTime()) - t0;
            double playersPerTicket = players / (double) parties.size();
            double rate = target * playersPerTicket / (reachedAt / 1e9);
            System.out.printf("  drain-rules %s (%s): %d of %d tickets left the queue; %d in %.2f s: %.0f players/s%n",
                    rules ? "rules" : "no rules", round.equals("w") ? "warm-up" : "measured", left, waiting, target,
                    reachedAt / 1e9, rate);
            return rate;
        }
    }

    /**
     * (time, queued + claimed) samples until nothing is claimed and the queue has not shrunk for 3 s (or 180 s in
     * all). A claimed ticket is still on its way (being signed), so it counts as waiting.
     */
    private static List<long[]> poll(Resp redis, String queue, String claims, long initial) throws Exception {
        List<long[]> samples = new ArrayList<>();
        long start = System.nanoTime();
        long lastChange = start;
        long last = initial;
        while (System.nanoTime() - start < 180_000_000_000L) {
            List<Object> counts = redis.pipeline(List.of(new String[] { "ZCARD", queue },
                    new String[] { "ZCARD", claims }));
            long claimed = (Long) counts.get(1);
            long waiting = (Long) counts.get(0) + claimed;
            long now = System.nanoTime();
            samples.add(new long[] { now, waiting });
            if (waiting != last) {
                last = waiting;
                lastChange = now;
            }
            else if (claimed == 0 && now - lastChange >= 3_000_000_000L) {
                break;
            }
            Thread.sleep(POLL_MS);
        }
        return samples;
    }

    private void enqueue(List<Population.Party> parties, String queueKey) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < config.integer("concurrency", 16); w++) {
            threads.add(new Thread(() -> {
                try (RawHttp http = new RawHttp(config.host(), config.port())) {
                    for (int i = next.getAndIncrement(); i < parties.size(); i = next.getAndIncrement()) {
                        int status = http.post("/v1/matchmaking/enqueue", parties.get(i).enqueueBody(queueKey));
                        if (status != 201) {
                            System.err.println("drain-rules enqueue: " + status + " " + http.body());
                        }
                    }
                }
                catch (IOException ex) {
                    System.err.println("drain-rules enqueue: " + ex);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
    }
}
