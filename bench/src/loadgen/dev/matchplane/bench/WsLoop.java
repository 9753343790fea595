package dev.matchplane.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One selector thread of {@link WsClient}: owns its connections (all their state is touched on this thread only),
 * one read buffer shared by all of them (a connection keeps only the bytes of an incomplete frame), a SHA-1 digest
 * for the handshakes and the connections' deadlines.
 */
final class WsLoop implements Runnable {

    private static final int BUFFER_BYTES = 64 * 1024;

    /** A connection's deadline; stale when the connection's deadline has moved on since. */
    private record Timer(long at, WsConnection connection) {
    }

    private final Selector selector;
    private final Thread thread;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /** Set while a wakeup is pending, so a burst of tasks costs one wakeup (a write to an eventfd) and not one each. */
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>(Comparator.comparingLong(Timer::at));
    private final MessageDigest sha1;
    private ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    private boolean running = true;

    WsLoop(String name) throws IOException {
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every JDK has SHA-1", ex);
        }
        selector = Selector.open();
        thread = new Thread(this, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs the task on this loop's thread: at once when called from it, else soon. */
    void execute(Runnable task) {
        if (Thread.currentThread() == thread) {
            task.run();
            return;
        }
        tasks.add(task);
        if (!wakeupPending.getAndSet(true)) {
            selector.wakeup();
        }
    }

    Selector selector() {
        return selector;
    }

    MessageDigest sha1() {
        return sha1;
    }

    /** The shared read buffer, cleared, with room for at least {@code bytes}. */
    ByteBuffer buffer(int bytes) {
        if (buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocate(Math.max(bytes, buffer.capacity() * 2));
        }
        buffer.clear();
        return buffer;
    }

    /** Calls {@link WsConnection#expire} in {@code nanos} unless the connection's deadline has changed by then. */
    long deadline(WsConnection connection, long nanos) {
        long at = System.nanoTime() + nanos;
        timers.add(new Timer(at, connection));
        return at;
    }

    @Override
    public void run() {
        try {
            while (running) {
                wakeupPending.set(false);
                runTasks();
                if (running) {
                    selector.select(WsLoop::ready, selectTimeoutMillis());
                    expireTimers();
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        finally {
            closeAll();
        }
    }

    private static void ready(SelectionKey key) {
        guarded(() -> ((WsConnection) key.attachment()).ready(key));
    }

    private void runTasks() {
        for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
            guarded(task);
        }
    }

    /** A listener that throws must not end the loop, and with it every other connection. */
    private static void guarded(Runnable work) {
        try {
            work.run();
        }
        catch (RuntimeException ex) {
            System.err.println("  ws loop: " + ex);
        }
    }

    /** Until the earliest deadline; 0 (no limit) when there is none. */
    private long selectTimeoutMillis() {
        Timer first = timers.peek();
        if (first == null) {
            return 0;
        }
        long nanos = first.at() - System.nanoTime();
        return Math.max(1, (nanos + 999_999) / 1_000_000);
    }

    private void expireTimers() {
        long now = System.nanoTime();
        while (!timers.isEmpty() && timers.peek().at() <= now) {
            Timer timer = timers.poll();
            guarded(() -> timer.connection().expire(timer.at()));
        }
    }

    void shutdown() {
        execute(() -> running = false);
    }

    void join() throws InterruptedException {
        thread.join();
    }

    private void closeAll() {
        for (SelectionKey key : new ArrayList<>(selector.keys())) {
            ((WsConnection) key.attachment()).abort();
        }
        try {
            selector.close();
        }
        catch (IOException ignored) {
            // the process is about to let go of it anyway
        }
    }
}
