package dev.matchplane.reliability;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** What the simulated clients did and saw: the clients' side of the soak's invariant check. */
final class SoakLedger {

    /** One terminal event a client received over its socket. */
    record Received(String type, String assignmentId) {
    }

    /** Every ticket a client was told about (201 or "enqueued"), with the player who made it. */
    final Map<String, String> tickets = new ConcurrentHashMap<>();
    final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> anomalies = new ConcurrentLinkedQueue<>();
    final AtomicInteger restEnqueues = new AtomicInteger();
    final AtomicInteger socketEnqueues = new AtomicInteger();
    final AtomicInteger cancelsRequested = new AtomicInteger();
    final AtomicInteger reconnects = new AtomicInteger();
    final AtomicInteger socketsOpened = new AtomicInteger();
    final AtomicInteger messages = new AtomicInteger();

    void ticket(String ticketId, String player) {
        tickets.put(ticketId, player);
    }

    void received(String ticketId, String type, String assignmentId) {
        received.computeIfAbsent(ticketId, id -> new CopyOnWriteArrayList<>()).add(new Received(type, assignmentId));
    }

    void anomaly(String what) {
        anomalies.add(what);
    }
}
