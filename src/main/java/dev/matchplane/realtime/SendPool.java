package dev.matchplane.realtime;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Threads that push to sockets. A send to a client that stopped reading blocks until Tomcat's send timeout
 * (set to {@code realtime.send-time-limit}); here it holds up one of these threads, never the Redis listener and
 * never the other clients. Kept out of the bean factory as an {@code Executor} on purpose: an {@code Executor}
 * bean would replace Spring Boot's application task executor.
 */
@Component
class SendPool implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SendPool.class);

    private final ExecutorService executor;

    SendPool(RealtimeProperties properties) {
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(properties.sendThreads(), properties.sendThreads(), 0L,
                TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "realtime-send-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    void execute(Runnable task) {
        executor.execute(() -> {
            try {
                task.run();
            }
            catch (RuntimeException ex) {
                log.warn("Realtime push failed", ex);
            }
        });
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
