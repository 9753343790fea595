package dev.matchplane.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed loop: {@code concurrency} connections, each sending its next request as soon as the previous answer
 * arrives, for warm-up plus the measured duration. Only requests started after the warm-up count.
 */
final class ClosedLoop {

    /** One request on one connection; returns the HTTP status. */
    interface Request {
        int send(RawHttp http, int worker, long sequence) throws IOException;
    }

    /** What a run measured. */
    static final class Outcome {
        final Latencies latencies = new Latencies();
        long ok;
        long failed;
        long reconnects;
        double seconds;
        final List<String> errors = new ArrayList<>();
        java.util.Map<String, Object> cpu = java.util.Map.of();

        double perSecond() {
            return ok / seconds;
        }
    }

    private ClosedLoop() {
    }

    static Outcome run(Config config, int concurrency, Duration warmup, Duration duration, Request request)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        Outcome outcome = new Outcome();
        AtomicLong sequence = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<Outcome> perThread = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            Outcome mine = new Outcome();
            perThread.add(mine);
            int worker = w;
            threads.add(new Thread(() -> loop(config, request, worker, sequence, measureFrom, end, mine),
                    "load-" + w));
        }
        threads.forEach(Thread::start);
        long untilMeasuring = measureFrom - System.nanoTime();
        if (untilMeasuring > 0) {
            Thread.sleep(untilMeasuring / 1_000_000, (int) (untilMeasuring % 1_000_000));
        }
        CpuMeter meter = CpuMeter.start(config);
        for (Thread thread : threads) {
            thread.join();
        }
        outcome.cpu = meter.stop();
        for (Outcome mine : perThread) {
            outcome.latencies.addAll(mine.latencies);
            outcome.ok += mine.ok;
            outcome.failed += mine.failed;
            outcome.reconnects += mine.reconnects;
            if (outcome.errors.size() < 5) {
                outcome.errors.addAll(mine.errors);
            }
        }
        outcome.seconds = duration.toNanos() / 1e9;
        return outcome;
    }

    private static void loop(Config config, Request request, int worker, AtomicLong sequence, long measureFrom,
            long end, Outcome mine) {
        try (RawHttp http = new RawHttp(config.host(), config.port())) {
            while (true) {
                long t0 = System.nanoTime();
                if (t0 >= end) {
                    break;
                }
                int status = request.send(http, worker, sequence.getAndIncrement());
                long t1 = System.nanoTime();
                if (t0 >= measureFrom) {
                    if (status >= 200 && status < 300) {
                        mine.ok++;
                        mine.latencies.add(t1 - t0);
                    }
                    else {
                        mine.failed++;
                        if (mine.errors.size() < 2) {
                            mine.errors.add(status + " " + http.body());
                        }
                    }
                }
            }
            mine.reconnects = http.reconnects;
        }
        catch (IOException ex) {
            mine.failed++;
            mine.errors.add(ex.toString());
        }
    }
}
