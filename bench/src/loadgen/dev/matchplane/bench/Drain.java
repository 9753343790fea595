package dev.matchplane.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * drain: N single-player tickets wait in a {@code :2} queue whose landType has no server; then a server registers
 * and the bench polls Redis until the queue and the claims are empty. Reports matches/s, players/s against the
 * signing ceiling of the same run, and Redis commands per match from INFO commandstats deltas.
 */
final class Drain {

    private static final Pattern TICKET_ID = Pattern.compile("\"ticketId\":\"([^\"]+)\"");
    private static final long POLL_MS = 20;

    private final Config config;
    private final String tag = Config.tag();
    /** The unmeasured first drain: tickets, seconds (NaN when there was none). */
    private int warmupTickets;
    private double warmupSeconds = Double.NaN;

    Drain(Config config) {
        this.config = config;
    }

    void run() throws Exception {
        warmUp();
        SigningCeiling.Measured ceilingBefore = SigningCeiling.measure(config);
        int tickets = config.integer("drainTickets", 20_000);
        String landType = "bd" + tag;
        String queueKey = landType + ":2";
        String prefix = config.require("prefix");
        List<String> ids = enqueue(tickets, queueKey, "d" + tag + "-");
        try (Resp redis = new Resp(config.require("redis"))) {
            long waiting = redis.number("ZCARD", prefix + "queue:" + queueKey);
            System.out.printf("  drain: JIT quiet after %.1f s%n", CpuMeter.awaitQuietCompiler(config,
                    config.seconds("drainQuietWait", 30)));
            Map<String, Long> callsBefore = redis.commandCalls();
            TickMeter tickMeter = TickMeter.start(config);
            CpuMeter meter = CpuMeter.start(config);
            long t0 = System.nanoTime();
            RawHttp.registerServer(config.host(), config.port(), landType);
            Poll poll = pollUntilEmpty(redis, prefix, queueKey, t0);
            Map<String, Object> cpu = meter.stop();
            Map<String, Long> after = redis.commandCalls();
            Map<String, Object> ticks = tickMeter.stop();
            long assigned = countAssigned(redis, prefix, ids);
            SigningCeiling.Measured ceilingAfter = SigningCeiling.measure(config);
            SigningCeiling.Measured ceiling = SigningCeiling.record(config, ceilingBefore, ceilingAfter);
            report(tickets, waiting, poll, assigned, delta(callsBefore, after, poll.polls), cpu, ticks, ceiling);
        }
    }

    /**
     * Not a figure: a smaller drain first, so that the JIT has compiled the paths of full ticks (claims, signing and
     * commits of 1,000 players) before the measured one. Without it, a 20,000-ticket drain of 2-5 s measured the
     * compiler as much as the service (the JIT took 0.4-0.5 of the 2 cores; after a 40,000-ticket warm-up drain
     * 0.3-0.37). A long-running instance is warm; the first drain's rate is reported beside the figure.
     */
    private void warmUp() throws Exception {
        int tickets = config.integer("drainWarmupTickets", 40_000);
        if (tickets <= 0) {
            return;
        }
        String landType = "bdw" + tag;
        enqueue(tickets, landType + ":2", "dw" + tag + "-");
        try (Resp redis = new Resp(config.require("redis"))) {
            long t0 = System.nanoTime();
            RawHttp.registerServer(config.host(), config.port(), landType);
            Poll poll = pollUntilEmpty(redis, config.require("prefix"), landType + ":2", t0);
            warmupTickets = tickets;
            warmupSeconds = poll.seconds;
            System.out.printf("  drain warm-up: %d tickets matched in %.1f s (not measured)%n", tickets, poll.seconds);
        }
    }

    private List<String> enqueue(int count, String queueKey, String playerPrefix) throws InterruptedException {
        List<String> ids = Collections.synchronizedList(new ArrayList<>(count));
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int w = 0; w < config.integer("concurrency", 16); w++) {
            threads.add(new Thread(() -> {
                try (RawHttp http = new RawHttp(config.host(), config.port())) {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        String player = playerPrefix + i;
                        int status = http.post("/v1/matchmaking/enqueue", "{\"queueKey\":\"" + queueKey
                                + "\",\"groupId\":\"g-" + player + "\",\"members\":[\"" + player
                                + "\"],\"groupSize\":1}");
                        Matcher m = TICKET_ID.matcher(http.body());
                        if (status == 201 && m.find()) {
                            ids.add(m.group(1));
                        }
                    }
                }
                catch (IOException ex) {
                    System.err.println("drain enqueue: " + ex);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        System.out.printf("  drain: %d tickets queued in %.1f s%n", ids.size(), (System.nanoTime() - started) / 1e9);
        return ids;
    }

    /** How the queue emptied. */
    private static final class Poll {
        double seconds = Double.NaN;
        double firstMatchSeconds = Double.NaN;
        long polls;
        long leftQueued;
        long leftClaimed;
        final List<List<Object>> timeline = new ArrayList<>();
    }

    private Poll pollUntilEmpty(Resp redis, String prefix, String queueKey, long t0) throws Exception {
        Poll poll = new Poll();
        long deadline = t0 + config.seconds("drainTimeout", 180).toNanos();
        long lastSample = 0;
        long initial = -1;
        while (true) {
            List<Object> counts = redis.pipeline(List.of(new String[] { "ZCARD", prefix + "queue:" + queueKey },
                    new String[] { "ZCARD", prefix + "claims" }));
            poll.polls++;
            long now = System.nanoTime();
            long queued = (Long) counts.get(0);
            long claimed = (Long) counts.get(1);
            initial = initial < 0 ? queued : initial;
            if (Double.isNaN(poll.firstMatchSeconds) && queued + claimed < initial) {
                poll.firstMatchSeconds = (now - t0) / 1e9;
            }
            if (now - lastSample >= 250_000_000L) {
                lastSample = now;
                poll.timeline.add(List.of(Fmt.round((now - t0) / 1e9), queued, claimed));
            }
            if (queued == 0 && claimed == 0) {
                poll.seconds = (now - t0) / 1e9;
                return poll;
            }
            if (now > deadline) {
                poll.leftQueued = queued;
                poll.leftClaimed = claimed;
                return poll;
            }
            Thread.sleep(POLL_MS);
        }
    }

    private static long countAssigned(Resp redis, String prefix, List<String> ids) throws IOException {
        List<String[]> commands = new ArrayList<>(ids.size());
        ids.forEach(id -> commands.add(new String[] { "HGET", prefix + "ticket:" + id, "status" }));
        return redis.pipeline(commands).stream().filter("assigned"::equals).count();
    }

    /** Calls per command during the drain, less the bench's own polling (ZCARD) and INFO calls. */
    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after, long polls) {
        Map<String, Long> delta = new LinkedHashMap<>();
        after.forEach((command, calls) -> {
            long d = calls - before.getOrDefault(command, 0L) - (command.equals("zcard") ? 2 * polls : 0);
            if (d > 0 && !command.equals("info")) {
                delta.put(command, d);
            }
        });
        return delta;
    }

    private void report(int tickets, long waiting, Poll poll, long assigned, Map<String, Long> commands,
            Map<String, Object> cpu, Map<String, Object> ticks, SigningCeiling.Measured signing) throws IOException {
        String algorithm = config.get("algorithm", "RS256");
        double ceiling = signing.tokensPerSecond();
        double matches = assigned / 2.0;
        double matchesPerSecond = matches / poll.seconds;
        double playersPerSecond = assigned / poll.seconds;
        // the first tick after the server registered comes up to one interval later: a fixed cost that weighs on a
        // 2 s drain, shown apart from the rate itself
        double fromFirstMatch = matches / (poll.seconds - poll.firstMatchSeconds);
        long totalCommands = commands.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Object> perMatch = new LinkedHashMap<>();
        commands.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> perMatch.put(e.getKey(), Fmt.round(e.getValue() / matches)));
        double ratio = playersPerSecond / ceiling;
        boolean es = algorithm.equals("ES256");
        String target = es ? ">= 5,000 matches/s" : ">= 90% of signing ceiling";
        boolean met = es ? matchesPerSecond >= 5000 : ratio >= 0.9;
        new Result("drain", config.phase())
                .cpu(cpu)
                .put("algorithm", algorithm)
                .put("tickets", tickets)
                .put("waiting_at_start", waiting)
                .put("assigned", assigned)
                .put("seconds", Fmt.round(poll.seconds))
                .put("first_match_after_s", Fmt.round(poll.firstMatchSeconds))
                .put("matches_per_second", Math.round(matchesPerSecond))
                .put("players_per_second", Math.round(playersPerSecond))
                .put("matches_per_second_from_first_match", Math.round(fromFirstMatch))
                .put("signing_ceiling_tokens_per_second", Double.isNaN(ceiling) ? null : Math.round(ceiling))
                .put("signing_ceiling_note", "mean of a measurement just before and one just after the drain")
                .put("ticks", ticks)
                .put("fraction_of_signing_ceiling", Fmt.round(ratio))
                .put("left_queued", poll.leftQueued)
                .put("left_claimed", poll.leftClaimed)
                .put("redis_commands_per_match", Fmt.round(totalCommands / matches))
                .put("redis_commands_per_match_by_command", perMatch)
                .put("timeline_s_queued_claimed", poll.timeline)
                .put("warmup_drain_tickets", warmupTickets)
                .put("warmup_drain_matches_per_second", Double.isNaN(warmupSeconds) ? null
                        : Math.round(warmupTickets / 2.0 / warmupSeconds))
                .put("warmup_drain_note", "the first drain after start-up, JIT still compiling; not the figure")
                .row(Fmt.num(tickets) + " waiting, :2, " + algorithm + ", interval " + config.get("interval", "250")
                        + " ms",
                        Fmt.num(matchesPerSecond) + " matches/s (" + Fmt.num(playersPerSecond) + " players/s), "
                                + Fmt.num(assigned) + "/" + Fmt.num(tickets) + " assigned in "
                                + Fmt.num(poll.seconds) + " s (" + Fmt.num(fromFirstMatch) + " matches/s from the "
                                + "first match, " + Fmt.num(poll.firstMatchSeconds) + " s in); "
                                + Fmt.num(totalCommands / matches)
                                + " Redis cmds/match",
                        "signing " + Fmt.num(ceiling) + " tokens/s (players/s)", Fmt.pct(ratio), target,
                        Result.verdict(met && assigned == tickets))
                .save(config.parts());
    }
}
