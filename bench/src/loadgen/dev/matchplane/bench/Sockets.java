package dev.matchplane.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * sockets: opens N /realtime sockets, each enqueues one player into a queue without a server (so the socket is
 * subscribed to a waiting ticket and stays idle), holds them, and reads the heap after a full GC before and after
 * (jcmd GC.run on the app's pid, then /actuator/metrics/jvm.memory.used?tag=area:heap).
 */
final class Sockets {

    private static final Pattern VALUE = Pattern.compile("\"value\":([0-9.eE+-]+)");
    private static final double MIB = 1024.0 * 1024.0;

    private final Config config;

    Sockets(Config config) {
        this.config = config;
    }

    void run() throws Exception {
        try (WsClient client = Ttm.client(config)) {
            run(client);
        } // closing the client drops the sockets
    }

    private void run(WsClient client) throws Exception {
        int target = config.integer("sockets", 10_000);
        if (!Ttm.available(client)) {
            new Result("sockets", config.phase()).put("skipped", "/realtime not available in this build")
                    .row(Fmt.num(target) + " idle subscribed sockets", "skipped: no /realtime endpoint", "", "", "",
                            "skipped")
                    .save(config.parts());
            return;
        }
        double heapBefore = heapAfterGc();
        String tag = Config.tag();
        Semaphore handshakes = new Semaphore(config.integer("socketsInFlight", 100));
        List<Player> players = new ArrayList<>(target);
        CpuMeter meter = CpuMeter.start(config);
        long started = System.nanoTime();
        for (int i = 0; i < target; i++) {
            handshakes.acquire();
            Player player = new Player("k" + tag + "-" + i, "bk" + tag + ":2", false);
            players.add(player);
            player.startedAt = System.nanoTime();
            // a failure reaches player.onError
            client.connect(player, Duration.ofSeconds(20)).whenComplete((ws, failure) -> handshakes.release());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline
                && players.stream().anyMatch(p -> p.enqueuedAt == 0 && p.error == null)) {
            Thread.sleep(100);
        }
        double openSeconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> cpu = meter.stop();
        Thread.sleep(config.seconds("socketsHold", 10).toMillis());
        double heapAfter = heapAfterGc();
        long held = players.stream().filter(p -> p.enqueuedAt != 0 && !p.closed).count();
        List<String> errors = players.stream().map(p -> p.error).filter(e -> e != null).distinct().limit(5).toList();
        report(target, held, openSeconds, heapBefore, heapAfter, errors, cpu);
    }

    private void report(int target, long held, double openSeconds, double before, double after, List<String> errors,
            Map<String, Object> cpu) throws IOException {
        double perSocketKiB = (after - before) / Math.max(1, held) / 1024;
        double maxHeapMiB = config.decimal("maxHeapMiB", 512);
        boolean met = held >= 10_000 && after / MIB <= 512;
        Result r = new Result("sockets", config.phase())
                .cpu(cpu)
                .put("target", target)
                .put("held", held)
                .put("open_seconds", Fmt.round(openSeconds))
                .put("heap_before_mib", Fmt.round(before / MIB))
                .put("heap_after_mib", Fmt.round(after / MIB))
                .put("heap_per_socket_kib", Fmt.round(perSocketKiB))
                .put("max_heap_mib", maxHeapMiB);
        if (!errors.isEmpty()) {
            r.put("errors", errors);
        }
        r.row(Fmt.num(target) + " idle subscribed sockets, -Xmx" + Math.round(maxHeapMiB) + "m",
                Fmt.num(held) + " held; heap " + Fmt.num(before / MIB) + " -> " + Fmt.num(after / MIB) + " MiB = "
                        + Fmt.num(perSocketKiB) + " KiB/socket",
                "heap limit " + Math.round(maxHeapMiB) + " MiB", Fmt.pct(after / MIB / maxHeapMiB) + " of heap limit",
                ">= 10,000 in <= 512 MiB", Result.verdict(met))
                .save(config.parts());
    }

    /**
     * Live heap: a full GC first (jcmd GC.run on the app), so garbage does not count. NaN when the app cannot be
     * reached: a server that holds as many connections as it accepts takes no new ones, and that is a finding too.
     */
    private double heapAfterGc() throws Exception {
        String pid = config.require("appPid");
        Process gc = new ProcessBuilder("jcmd", pid, "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        gc.waitFor();
        Thread.sleep(500);
        for (int attempt = 1; attempt <= 3; attempt++) {
            try (RawHttp http = new RawHttp(config.host(), config.port())) {
                http.get("/actuator/metrics/jvm.memory.used?tag=area:heap");
                Matcher m = VALUE.matcher(http.body());
                if (m.find()) {
                    return Double.parseDouble(m.group(1));
                }
            }
            catch (IOException ex) {
                System.err.println("  sockets: heap metric unreachable (" + ex + ")");
            }
        }
        return Double.NaN;
    }
}
