package dev.matchplane.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

/** Waits for this instance's registry: an event published before a socket is registered would test the stored read. */
final class RealtimeAwait {

    private RealtimeAwait() {
    }

    static void subscribed(SocketRegistry registry, String ticketId, int sockets) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).untilAsserted(() ->
                assertThat(registry.subscribers(ticketId)).as("sockets subscribed to '%s'", ticketId).hasSize(sockets));
    }
}
