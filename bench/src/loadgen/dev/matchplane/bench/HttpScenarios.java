package dev.matchplane.bench;

import java.io.IOException;
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

    HttpScenarios(Config config) {
        this.config = config;
        this.concurrency = config.integer("concurrency", 16);
    }

    double healthPerSecond() {
        return healthPerSecond;
    }

    /**
     * Not a figure: a few seconds of every path (health, enqueue into a queue that has a server, so ticks sign and
     * commit, status) so that the JIT has compiled them before anything is measured.
     */
    void warm() throws Exception {
        String landType = "bw" + tag;
        try (RawHttp http = new RawHttp(config.host(), config.port())) {
            http.post("/v1/provisioning/servers/register", "{\"serverId\":\"srv-" + landType
                    + "\",\"host\":\"127.0.0.1\",\"port\":7777,\"landType\":\"" + landType + "\"}");
        }
        ClosedLoop.Outcome o = ClosedLoop.run(config, 4, java.time.Duration.ZERO, config.seconds("warmPhase", 10),
                (http, w, seq) -> {
                    switch ((int) (seq % 3)) {
                        case 0:
                            return http.get("/health");
                        case 1:
                            return enqueueOne(http, landType + ":2", "w" + tag + "-" + seq);
                        default:
                            String id = ticketIds.peek();
                            return id == null ? http.get("/health") : http.get("/v1/matchmaking/status/" + id);
                    }
                });
        ticketIds.clear();
        keptIds.set(0);
        System.out.println("  warm-up: " + o.ok + " requests in " + Math.round(o.seconds) + " s");
    }

    void health() throws Exception {
        ClosedLoop.Outcome o = run((http, w, seq) -> http.get("/health"));
        healthPerSecond = o.perSecond();
        result("health", o, "GET /health", "", "", "", "").save(config.parts());
    }

    void enqueue() throws Exception {
        // the landType has no game server, so the tick never matches these tickets: enqueue cost alone
        String queueKey = "bn" + tag + ":2";
        ClosedLoop.Outcome o = run((http, w, seq) -> enqueueOne(http, queueKey, "e" + tag + "-" + seq));
        double ratio = o.perSecond() / healthPerSecond;
        result("enqueue", o, "POST enqueue, 1 player, queue without server", "health " + Fmt.num(healthPerSecond)
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
                + player + "\",\"members\":[\"" + player + "\"],\"groupSize\":1}");
        if (status == 201 && keptIds.get() < KEEP_IDS) {
            Matcher m = TICKET_ID.matcher(http.body());
            if (m.find() && keptIds.incrementAndGet() <= KEEP_IDS) {
                ticketIds.add(m.group(1));
            }
        }
        return status;
    }

    private ClosedLoop.Outcome run(ClosedLoop.Request request) throws InterruptedException {
        return ClosedLoop.run(config, concurrency, config.seconds("warmup", 3), config.seconds("duration", 12),
                request);
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
