package dev.matchplane.realtime;

import static org.assertj.core.api.Assertions.assertThat;

/** Waits for this instance's registry: an event published before a socket is registered would test the stored read. */
final class RealtimeAwait {

    private RealtimeAwait() {
    }

    static void subscribed(SocketRegistry registry, String ticketId, int sockets) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (registry.subscribers(ticketId).size() < sockets && System.nanoTime() < deadline) {
            sleep();
        }
        assertThat(registry.subscribers(ticketId)).as("sockets subscribed to '%s'", ticketId).hasSize(sockets);
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
