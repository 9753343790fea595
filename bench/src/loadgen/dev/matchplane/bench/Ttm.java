package dev.matchplane.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * ttm: virtual players arrive at a fixed offered rate (open loop: arrivals never wait for earlier players), each on
 * its own /realtime socket, enqueue one player into a {@code :2} queue that has a server, and wait for
 * match.assigned. Time to match runs from the enqueue message leaving to match.assigned arriving.
 */
final class Ttm {

    private static final java.util.regex.Pattern STATUS = java.util.regex.Pattern.compile("\"status\":\"([^\"]+)\"");
    /** An unmatched player whose push arrived while the report was being made: late, not lost. */
    private static final String PUSHED_LATE = "pushed after the grace";

    private final Config config;

    Ttm(Config config) {
        this.config = config;
    }

    /** The client of the WebSocket scenarios: {@code wsLoops} selector threads (1) for every socket of a run. */
    static WsClient client(Config config) throws IOException {
        return new WsClient(config.host(), config.port(), "/realtime", config.integer("wsLoops", 1));
    }

    /** Whether /realtime exists on this build (it answers the upgrade); false before realtime is merged. */
    static boolean available(WsClient client) {
        try {
            Player probe = new Player("probe-" + Config.tag(), "probe:1", true);
            client.connect(probe, Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS).abort();
            return true;
        }
        catch (Exception ex) {
            return false;
        }
    }

    void run(int rate) throws Exception {
        try (WsClient client = client(config)) {
            run(rate, client);
        } // closing the client drops the sockets still open
    }

    private void run(int rate, WsClient client) throws Exception {
        int interval = config.integer("interval", 250);
        if (!available(client)) {
            skipped(rate, interval);
            return;
        }
        String tag = Config.tag();
        String landType = "bt" + tag;
        RawHttp.registerServer(config.host(), config.port(), landType);
        Duration duration = config.seconds("ttmDuration", 15);
        int count = (int) (rate * duration.toMillis() / 1000) / 2 * 2; // even: every player can find a partner
        List<Player> players = new ArrayList<>(count);
        int warmupPlayers = (int) (rate * config.decimal("ttmWarmup", 3));
        count += warmupPlayers / 2 * 2;
        CpuMeter meter = null;
        TickMeter ticks = null;
        long start = System.nanoTime();
        long spacing = 1_000_000_000L / rate;
        for (int i = 0; i < count; i++) {
            if (i == warmupPlayers) {
                meter = CpuMeter.start(config);
                ticks = TickMeter.start(config);
            }
            long due = start + i * spacing;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Player player = new Player("t" + tag + "-" + i, landType + ":2", true);
            players.add(player);
            player.startedAt = System.nanoTime();
            client.connect(player, Duration.ofSeconds(10)); // a failure reaches player.onError
        }
        double offeredSeconds = (System.nanoTime() - start) / 1e9 * (count - warmupPlayers) / count;
        Map<String, Object> cpu = meter == null ? Map.of() : meter.stop();
        Map<String, Object> tickStats = ticks == null ? Map.of() : ticks.stop();
        long grace = System.nanoTime() + config.seconds("ttmGrace", 10).toNanos();
        while (System.nanoTime() < grace && players.stream().anyMatch(p -> p.assignedCount == 0 && p.error == null)) {
            Thread.sleep(50);
        }
        Thread.sleep(500); // a duplicate push would arrive shortly after the first
        report(rate, interval, offeredSeconds, players.subList(warmupPlayers, count), players, cpu, tickStats);
    }

    private void report(int rate, int interval, double offeredSeconds, List<Player> players, List<Player> all,
            Map<String, Object> cpu, Map<String, Object> tickStats) throws IOException, InterruptedException {
        int count = players.size();
        Latencies ttm = new Latencies();
        Latencies connect = new Latencies();
        long unmatched = 0;
        long duplicates = 0;
        long failed = 0;
        Map<String, Set<String>> ticketsByMatch = new HashMap<>();
        Map<String, String> matchByTicket = new HashMap<>();
        List<String> errors = new ArrayList<>();
        List<Player> unmatchedPlayers = new ArrayList<>();
        for (Player p : players) {
            if (p.assignedCount == 0) {
                // accepted (enqueued) but never matched is a loss; never admitted (no socket, error) is overload
                if (p.enqueuedAt != 0) {
                    unmatched++;
                    unmatchedPlayers.add(p);
                }
                else {
                    failed++;
                }
                if (p.error != null && errors.size() < 5 && !errors.contains(p.error)) {
                    errors.add(p.error);
                }
                continue;
            }
            ttm.add(p.assignedAt - p.sentAt);
            connect.add(p.openedAt - p.startedAt);
            duplicates += p.assignedCount - 1;
        }
        for (Player p : all) {
            if (p.assignedCount > 0) {
                ticketsByMatch.computeIfAbsent(p.matchId, k -> new HashSet<>()).add(p.ticketId);
                String previous = matchByTicket.put(p.ticketId, p.matchId);
                if (previous != null && !previous.equals(p.matchId)) {
                    duplicates++;
                }
            }
        }
        long badMatches = ticketsByMatch.values().stream().filter(t -> t.size() != 2).count();
        Map<String, Long> unmatchedStatus = statusOfUnmatched(unmatchedPlayers);
        long stillQueued = unmatchedStatus.getOrDefault("queued", 0L);
        long pushedLate = unmatchedStatus.getOrDefault(PUSHED_LATE, 0L);
        double p50Target = interval / 2.0 + 10;
        double p99Target = interval + 50;
        // a cold phase: the app started just before, no warm-up; its target is the p99 alone
        boolean cold = config.phase().startsWith("cold");
        boolean latencyMet = cold ? ttm.ms(99) <= 500 : ttm.ms(50) <= p50Target && ttm.ms(99) <= p99Target;
        boolean met = latencyMet && unmatched == 0 && failed == 0 && duplicates == 0 && badMatches == 0;
        Result r = new Result("ttm", config.phase())
                .cpu(cpu)
                .put("offered_per_second", rate)
                .put("achieved_offered_per_second", Math.round(count / offeredSeconds))
                .put("interval_ms", interval)
                .put("players", count)
                .put("matched", count - unmatched - failed)
                .put("unmatched", unmatched)
                .put("unmatched_note", "enqueued (the server accepted the ticket) but no match.assigned within "
                        + config.get("ttmGrace", "10") + " s after the last arrival")
                .put("unmatched_status_now", unmatchedStatus)
                .put("not_admitted", failed)
                .put("not_admitted_note", "no socket or no enqueued reply: the offered load was not taken in")
                .put("duplicates", duplicates)
                .put("matches_not_of_two", badMatches)
                .put("ttm", ttm.summary())
                .put("estimate", EstimateError.of(players))
                .put("socket_open", connect.summary())
                .put("ticks", tickStats)
                .put("ready_ms", config.get("readyMs", ""))
                .put("note", "players of the first " + config.get("ttmWarmup", "3") + " s are a warm-up and not counted");
        if (!errors.isEmpty()) {
            r.put("errors", errors);
        }
        boolean targeted = rate <= 200;
        r.row(Fmt.num(rate) + " players/s over WebSocket, :2, " + Math.round(offeredSeconds) + " s, interval "
                + interval + " ms" + (cold ? ", from ready (ready " + config.get("readyMs", "?") + " ms after start)" : ""),
                "p50 " + Fmt.ms(ttm.ms(50)) + " / p90 " + Fmt.ms(ttm.ms(90)) + " / p99 " + Fmt.ms(ttm.ms(99))
                        + " / max " + Fmt.ms(ttm.maxMs()) + " ms; " + unmatched + " unmatched"
                        + waiting(stillQueued, pushedLate) + ", " + duplicates + " dup"
                        + (failed > 0 ? ", " + failed + " not admitted" : ""),
                "tick " + interval + " ms", "p50 " + Fmt.pct(ttm.ms(50) / interval) + ", p99 "
                        + Fmt.pct(ttm.ms(99) / interval) + " of tick",
                cold ? "p99 <= 500 ms, 0 lost/dup" : targeted ? "p50 <= " + Fmt.num(p50Target) + ", p99 <= "
                        + Fmt.num(p99Target) + " ms, 0 lost/dup" : "",
                targeted ? Result.verdict(met) : (unmatched - stillQueued - pushedLate == 0 && duplicates == 0 ? "no loss/dup"
                        : "LOSS/DUP")
                        + (targeted || failed == 0 ? "" : ", overloaded"))
                .save(config.parts());
    }

    private static String waiting(long stillQueued, long pushedLate) {
        List<String> parts = new ArrayList<>();
        if (stillQueued > 0) {
            parts.add(stillQueued + " still queued");
        }
        if (pushedLate > 0) {
            parts.add(pushedLate + " pushed late");
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    /**
     * What became of the tickets whose players got no push within the grace: {@code queued} means still waiting
     * (with an odd number of admitted players one is left without a partner, or the grace ended first),
     * {@link #PUSHED_LATE} that the push came while this ran (an overloaded app still working off its backlog),
     * {@code assigned} a push that did not come within 5 s more: lost; anything else a lost ticket.
     */
    private Map<String, Long> statusOfUnmatched(List<Player> unmatched) throws InterruptedException {
        Map<String, Long> byStatus = new java.util.TreeMap<>();
        List<Player> assignedWithoutPush = new ArrayList<>();
        try (RawHttp http = new RawHttp(config.host(), config.port())) {
            for (Player p : unmatched) {
                if (p.assignedCount > 0) {
                    byStatus.merge(PUSHED_LATE, 1L, Long::sum);
                }
                else if (p.ticketId != null) {
                    int code = http.get("/v1/matchmaking/status/" + p.ticketId);
                    java.util.regex.Matcher m = STATUS.matcher(http.body());
                    String status = code == 200 && m.find() ? m.group(1) : "http-" + code;
                    if (status.equals("assigned")) {
                        assignedWithoutPush.add(p);
                    }
                    else {
                        byStatus.merge(status, 1L, Long::sum);
                    }
                }
            }
        }
        catch (IOException ex) {
            byStatus.put("unknown: " + ex, 1L);
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline && assignedWithoutPush.stream().anyMatch(p -> p.assignedCount == 0)) {
            Thread.sleep(50);
        }
        assignedWithoutPush.forEach(p -> byStatus.merge(p.assignedCount > 0 ? PUSHED_LATE : "assigned", 1L, Long::sum));
        return byStatus;
    }

    private void skipped(int rate, int interval) throws IOException {
        new Result("ttm", config.phase()).put("offered_per_second", rate).put("skipped",
                "/realtime not available in this build")
                .row(Fmt.num(rate) + " players/s, interval " + interval + " ms", "skipped: no /realtime endpoint", "",
                        "", "", "skipped")
                .save(config.parts());
    }
}
