package dev.matchplane.reliability;

import java.util.UUID;

/** The requests the fault tests send: one-player enqueues with ids unique across runs on a shared Redis. */
final class FaultRequests {

    private FaultRequests() {
    }

    static String enqueueBody(String queue, String player) {
        return "{\"queueKey\":\"" + queue + "\",\"members\":[\"" + player + "\"],\"groupSize\":1}";
    }

    static String uniqueId() {
        return UUID.randomUUID().toString().substring(0, 12);
    }
}
