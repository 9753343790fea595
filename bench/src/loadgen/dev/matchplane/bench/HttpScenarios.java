package dev.matchplane.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** health, enqueue and status: closed-loop HTTP; enqueue and status are reported as a fraction of health. */
final class HttpScenarios {

    private static final Pattern TICKET_ID = Pattern.compile("\"ticketId\":\"([^\"]+)\"");
    private static final int KEEP_IDS = 100_000;

    private final Config config;
    private final int concurrency;
    private final String tag = Config.tag();
    private final ConcurrentLinkedQueue<String> ticketIds = new ConcurrentLinkedQueue<>();
    /** ConcurrentLinkedQueue.size() walks the whole queue: counted apart, or the client eats the CPU it measures. */
    private final java.util.concurrent.atomic.AtomicInteger keptIds = new java.util.concurrent.atomic.AtomicInteger();
    private double healthPerSecond = Double.NaN;
    /** Set in the phase that runs Matchplane with player tokens (run.sh BENCH_PLAYER_AUTH=hs256). */
    private final PlayerTokens playerTokens;

    HttpScenarios(Config config) {
        this.config = config;
        this.concurrency = config.integer("concurrency", 16);
        String secret = config.get("playerSecret", "");
        this.playerTokens = secret.isEmpty() ? null : new PlayerTokens(secret);
    }

    /** The player's token when the app checks them, else null (no header). Made per request, as cheap as HMAC. */
    private String tokenFor(String player) {
        return playerTokens == null ? null : playerTokens.token(player);
    }

    double healthPerSecond() {
        return healthPerSecond;
    }

    /**
     * Not a figure: every path (health, enqueue into a queue that has a server, so ticks sign and commit, status)
     * in rounds of 5 s until the JIT compilers use under 5 % of a core during a round ({@code warmMax}, 120 s, at
     * most), so that what is measured next is the service, not the compiler.
     */
    void warm() throws Exception {
        String landType = "bw" + tag;
        try (RawHttp http = new RawHttp(config.host(), config.port())) {
            http.post("/v1/provisioning/servers/register", "{\"serverId\":\"srv-" + landType
                    + "\",\"host\":\"127.0.0.1\",\"port\":7777,\"landType\":\"" + landType + "\"}");
        }
        // on two cores C2 works through a Spring app's hot methods for 40-60 s of load; quiet while idle proves
        // nothing (idle code reaches no new compile thresholds), so quiet is measured under load
        long deadline = System.nanoTime() + config.seconds("warmMax", 120).toNanos();
        String pid = config.get("appPid", "");
        int round = 0;
        long requests = 0;
        double jit;
        do {
            long before = pid.isEmpty() ? 0 : CpuMeter.compilerTicks(pid);
            long started = System.nanoTime();
            int r = round++;
            requests += warmRound(landType, r).ok;
            jit = pid.isEmpty() ? 0 : (CpuMeter.compilerTicks(pid) - before) / 100.0 / ((System.nanoTime() - started)
                    / 1e9);
        } while (jit > 0.05 && System.nanoTime() < deadline);
        System.out.printf("  warm-up: %d requests in %d rounds of 5 s; JIT %.2f cores in the last; matched "
                + "its tickets in %.1f s more%n", requests, round, jit, awaitMatched(landType + ":2"));
        ticketIds.clear();
        keptIds.set(0);
    }

    /**
     * One round of the mix. One request in ten is an enqueue, matched by the ticks: with one in three, RS256
     * signing fell behind the enqueues and the backlog was still being signed while health was measured.
     */
    private ClosedLoop.Outcome warmRound(String landType, int round) throws InterruptedException {
        return ClosedLoop.run(config, 4, Duration.ZERO, Duration.ofSeconds(5), (http, w, seq) -> {
            int slot = (int) (seq % 10);
            if (slot == 0) {
                return enqueueOne(http, landType + ":2", "w" + tag + "-" + round + "-" + seq);
            }
            String id = ticketIds.peek();
            return slot < 5 || id == null ? http.get("/health")
                    : http.get("/v1/matchmaking/status/" + id, tokenFor("w" + tag + "-reader"));
        });
    }

    /** Waits (60 s at most) until the ticks have matched every ticket of the queue; returns the seconds waited. */
    private double awaitMatched(String queueKey) throws IOException, InterruptedException {
        long start = System.nanoTime();
        try (Resp redis = new Resp(config.require("redis"))) {
            String prefix = config.require("prefix");
            while (System.nanoTime() - start < Duration.ofSeconds(60).toNanos()
                    && redis.number("ZCARD", prefix + "queue:" + queueKey) + redis.number("ZCARD", prefix + "claims")
                            > 1) { // an odd ticket out waits for a partner that never comes
                Thread.sleep(100);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    void health() throws Exception {
        ClosedLoop.Outcome o = run((http, w, seq) -> http.get("/health"));
        healthPerSecond = o.perSecond();
        result("health", o, "GET /health", "", "", "", "").save(config.parts());
    }

    void enqueue() throws Exception {
        // the landType has no game server, so the tick never matches these tickets: enqueue cost alone
        String queueKey = "bn" + tag + ":2";
        ClosedLoop.Outcome o = run((http, w, seq) -> enqueueOne(http, queueKey, "e" + tag + "-" + round + "-" + seq));
        double ratio = o.perSecond() / healthPerSecond;
        result("enqueue", o, "POST enqueue, 1 player, queue without server"
                + (playerTokens == null ? "" : ", HS256 player token"), "health " + Fmt.num(healthPerSecond)
                + " req/s", Fmt.pct(ratio), ">= 50% of health", Double.isNaN(ratio) ? "" : Result.verdict(ratio >= 0.5))
                .put("queueKey", queueKey).save(config.parts());
    }

    void status() throws Exception {
        if (keptIds.get() < 1000) {
            seed(2000);
        }
        List<String> ids = new ArrayList<>(ticketIds);
        ClosedLoop.Outcome o = run((http, w, seq) -> http.get("/v1/matchmaking/status/"
                + ids.get((int) (seq % ids.size()))));
        double ratio = o.perSecond() / healthPerSecond;
        result("status", o, "GET status of " + ids.size() + " queued tickets", "health "
                + Fmt.num(healthPerSecond) + " req/s", Fmt.pct(ratio), ">= 70% of health",
                Double.isNaN(ratio) ? "" : Result.verdict(ratio >= 0.7)).save(config.parts());
    }

    private void seed(int count) throws IOException {
        String queueKey = "bs" + tag + ":2";
        try (RawHttp http = new RawHttp(config.host(), config.port())) {
            for (int i = 0; i < count; i++) {
                enqueueOne(http, queueKey, "s" + tag + "-" + i);
            }
        }
    }

    private int enqueueOne(RawHttp http, String queueKey, String player) throws IOException {
        int status = http.post("/v1/matchmaking/enqueue", "{\"queueKey\":\"" + queueKey + "\",\"groupId\":\"g-"
                + player + "\",\"members\":[\"" + player + "\"],\"groupSize\":1}", tokenFor(player));
        if (status == 201 && keptIds.get() < KEEP_IDS) {
            Matcher m = TICKET_ID.matcher(http.body());
            if (m.find() && keptIds.incrementAndGet() <= KEEP_IDS) {
                ticketIds.add(m.group(1));
            }
        }
        return status;
    }

    /**
     * The scenario's warm-up (not counted), then a pause until the JIT has compiled what it made hot, then the
     * measured run. On two cores C2 needs up to ~2 s for one of Spring MVC's big methods; without the pause that
     * compilation fell inside the measurement of whichever scenario came next.
     */
    private volatile int round;

    private ClosedLoop.Outcome run(ClosedLoop.Request request) throws IOException, InterruptedException {
        ClosedLoop.run(config, concurrency, Duration.ZERO, config.seconds("warmup", 3), request);
        round++; // players of the measured run are not those of the warm-up (a waiting player cannot enqueue again)
        CpuMeter.awaitQuietCompiler(config, Duration.ofSeconds(20));
        return ClosedLoop.run(config, concurrency, Duration.ofSeconds(1), config.seconds("duration", 12), request);
    }

    private Result result(String scenario, ClosedLoop.Outcome o, String what, String ceiling, String ratio,
            String target, String verdict) {
        Result r = new Result(scenario, config.phase())
                .put("concurrency", concurrency)
                .put("seconds", o.seconds)
                .put("requests_ok", o.ok)
                .put("requests_failed", o.failed)
                .put("reconnects", o.reconnects)
                .put("per_second", Math.round(o.perSecond()))
                .put("latency", o.latencies.summary());
        if (!o.errors.isEmpty()) {
            r.put("errors", o.errors);
        }
        String figure = Fmt.num(o.perSecond()) + " req/s, p50 " + Fmt.ms(o.latencies.ms(50)) + " ms, p99 "
                + Fmt.ms(o.latencies.ms(99)) + " ms" + (o.failed > 0 ? ", " + o.failed + " failed" : "");
        r.cpu(o.cpu);
        return r.row(what + ", c=" + concurrency + ", " + Math.round(o.seconds) + " s", figure, ceiling, ratio, target,
                verdict);
    }
}
