package dev.matchplane.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the machine's CPU went during a measurement (Linux /proc; empty elsewhere): the app, this load generator,
 * Redis (INFO cpu, when it runs on this machine) and everything else — on a shared 2-core machine the last one says
 * how much a figure was disturbed by other people's builds.
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on every mainstream Linux

    private final Config config;
    private long wallNanos;
    private long busyTicks;
    private long idleTicks;
    private long appTicks;
    private long jitTicks;
    private long selfTicks;
    private double redisSeconds;
    private boolean valid;

    private CpuMeter(Config config) {
        this.config = config;
    }

    static CpuMeter start(Config config) {
        CpuMeter meter = new CpuMeter(config);
        meter.sample();
        return meter;
    }

    private void sample() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long user = Long.parseLong(cpu[1]);
            long nice = Long.parseLong(cpu[2]);
            long system = Long.parseLong(cpu[3]);
            long idle = Long.parseLong(cpu[4]);
            long iowait = Long.parseLong(cpu[5]);
            long irq = Long.parseLong(cpu[6]);
            long softirq = Long.parseLong(cpu[7]);
            long steal = cpu.length > 8 ? Long.parseLong(cpu[8]) : 0;
            busyTicks = user + nice + system + irq + softirq + steal;
            idleTicks = idle + iowait;
            appTicks = processTicks(config.get("appPid", ""));
            jitTicks = compilerTicks(config.get("appPid", ""));
            selfTicks = processTicks(Long.toString(ProcessHandle.current().pid()));
            redisSeconds = redisCpuSeconds();
            wallNanos = System.nanoTime();
            valid = true;
        }
        catch (IOException | RuntimeException ex) {
            valid = false;
        }
    }

    private static long processTicks(String pid) throws IOException {
        if (pid.isEmpty()) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
    }

    /**
     * CPU of the app's JIT compiler threads (named "C1/C2 CompilerThread<n>"; the kernel keeps 15 characters): a
     * figure measured while these still work is partly a warm-up figure.
     */
    static long compilerTicks(String pid) throws IOException {
        if (pid.isEmpty()) {
            return 0;
        }
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                }
                catch (IOException ex) {
                    // the thread ended between listing and reading: its ticks are gone from both samples' view
                }
            }
        }
        return ticks;
    }

    /**
     * Waits, at most {@code limit}, until the app's JIT compilers used less than 5 % of a core over a second: what
     * the app compiled for the scenario before (a backlog on two cores) is then not billed to the next one.
     * Returns the seconds waited.
     */
    static double awaitQuietCompiler(Config config, java.time.Duration limit) throws IOException, InterruptedException {
        String pid = config.get("appPid", "");
        long start = System.nanoTime();
        if (pid.isEmpty()) {
            return 0;
        }
        long before = compilerTicks(pid);
        while (System.nanoTime() - start < limit.toNanos()) {
            Thread.sleep(1000);
            long now = compilerTicks(pid);
            if (now - before <= TICKS_PER_SECOND * 0.05) {
                break;
            }
            before = now;
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private double redisCpuSeconds() {
        String url = config.get("redis", "");
        if (url.isEmpty() || !(url.contains("127.0.0.1") || url.contains("localhost"))) {
            return Double.NaN;
        }
        try (Resp redis = new Resp(url)) {
            Map<String, String> cpu = redis.info("cpu");
            return Double.parseDouble(cpu.get("used_cpu_sys")) + Double.parseDouble(cpu.get("used_cpu_user"));
        }
        catch (IOException | RuntimeException ex) {
            return Double.NaN;
        }
    }

    /** Cores used since start (or since the last call) by app, load generator, Redis and the rest. */
    Map<String, Object> stop() {
        CpuMeter end = new CpuMeter(config);
        end.sample();
        Map<String, Object> cores = new LinkedHashMap<>();
        if (!valid || !end.valid) {
            return cores;
        }
        double seconds = (end.wallNanos - wallNanos) / 1e9;
        double app = (end.appTicks - appTicks) / TICKS_PER_SECOND / seconds;
        double self = (end.selfTicks - selfTicks) / TICKS_PER_SECOND / seconds;
        double redis = (end.redisSeconds - redisSeconds) / seconds;
        double busy = (end.busyTicks - busyTicks) / TICKS_PER_SECOND / seconds;
        double idle = (end.idleTicks - idleTicks) / TICKS_PER_SECOND / seconds;
        cores.put("app", Fmt.round(app));
        cores.put("app_jit", Fmt.round((end.jitTicks - jitTicks) / TICKS_PER_SECOND / seconds));
        cores.put("loadgen", Fmt.round(self));
        cores.put("redis", Double.isNaN(redis) ? null : Fmt.round(redis));
        cores.put("others", Fmt.round(Math.max(0, busy - app - self - (Double.isNaN(redis) ? 0 : redis))));
        cores.put("idle", Fmt.round(idle));
        return cores;
    }

    /** "app 1.2 (jit 0.1) / gen 0.6 / redis 0.1 / others 0.1" for the table. */
    static String brief(Map<String, Object> cores) {
        if (cores.isEmpty()) {
            return "";
        }
        return "app " + cores.get("app") + " (jit " + cores.get("app_jit") + ") / gen " + cores.get("loadgen")
                + " / redis "
                + (cores.get("redis") == null ? "?" : cores.get("redis")) + " / others " + cores.get("others");
    }
}
