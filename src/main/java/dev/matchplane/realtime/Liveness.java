package dev.matchplane.realtime;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Finds dead sockets: every half ping interval, a socket silent (no message, no pong) for a whole interval gets a
 * ping, and one silent for two intervals is closed. So a live client has at least half an interval to answer.
 * Pings and closes go through the send pool: the check itself never waits on a client.
 */
@Component
class Liveness implements SmartLifecycle {

    /** What to do with a socket that has been silent for some time. */
    enum Verdict { NONE, PING, CLOSE }

    private static final Logger log = LoggerFactory.getLogger(Liveness.class);

    private final SocketRegistry registry;
    private final SendPool pool;
    private final long intervalNanos;
    private @Nullable ScheduledExecutorService timer;

    Liveness(SocketRegistry registry, SendPool pool, RealtimeProperties properties) {
        this.registry = registry;
        this.pool = pool;
        this.intervalNanos = properties.pingInterval().toNanos();
    }

    static Verdict verdict(long silentNanos, long intervalNanos) {
        if (silentNanos >= 2 * intervalNanos) {
            return Verdict.CLOSE;
        }
        return silentNanos >= intervalNanos ? Verdict.PING : Verdict.NONE;
    }

    void check() {
        long now = System.nanoTime();
        for (RealtimeSocket socket : registry.all()) {
            switch (verdict(now - socket.lastHeardNanos(), intervalNanos)) {
                case CLOSE -> pool.execute(() -> socket.close(RealtimeSocket.NO_PONG));
                case PING -> pool.execute(socket::ping);
                default -> {
                }
            }
        }
    }

    @Override
    public synchronized void start() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "realtime-liveness");
                thread.setDaemon(true);
                return thread;
            });
            long period = Math.max(1, intervalNanos / 2);
            timer.scheduleWithFixedDelay(this::checkQuietly, period, period, TimeUnit.NANOSECONDS);
        }
    }

    private void checkQuietly() {
        try {
            check();
        }
        catch (RuntimeException ex) {
            // A failed round must not cancel the schedule; the next one retries.
            log.warn("Realtime liveness check failed", ex);
        }
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
