package dev.matchplane.realtime;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/**
 * The sockets this instance holds and the tickets they wait for: the only state Matchplane keeps in memory.
 * Limits (sockets per instance, sockets per ticket) are enforced here, atomically.
 */
@Component
class SocketRegistry {

    private final ConcurrentMap<String, RealtimeSocket> sockets = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Set<RealtimeSocket>> byTicket = new ConcurrentHashMap<>();
    private final AtomicInteger admitted = new AtomicInteger();
    private final int maxSockets;
    private final int maxPerTicket;

    SocketRegistry(RealtimeProperties properties) {
        this.maxSockets = properties.maxSockets();
        this.maxPerTicket = properties.maxSocketsPerTicket();
    }

    /** @return false when the instance already holds its maximum of sockets */
    boolean admit(RealtimeSocket socket) {
        if (admitted.incrementAndGet() > maxSockets) {
            admitted.decrementAndGet();
            return false;
        }
        sockets.put(socket.id(), socket);
        return true;
    }

    void remove(RealtimeSocket socket) {
        socket.markClosed();
        if (sockets.remove(socket.id()) != null) {
            admitted.decrementAndGet();
        }
        for (String ticketId : socket.tickets()) {
            unsubscribe(ticketId, socket);
        }
    }

    /** @return false when the ticket already has its maximum of sockets (a socket already there counts once) */
    boolean subscribe(String ticketId, RealtimeSocket socket) {
        // Recorded on the socket first: a concurrent remove(socket) then either sees the ticket or is seen below.
        socket.tickets().add(ticketId);
        AtomicBoolean accepted = new AtomicBoolean(true);
        byTicket.compute(ticketId, (id, subscribers) -> {
            Set<RealtimeSocket> set = subscribers != null ? subscribers : ConcurrentHashMap.newKeySet();
            if (!set.contains(socket) && set.size() >= maxPerTicket) {
                accepted.set(false);
            }
            else {
                set.add(socket);
            }
            return set.isEmpty() ? null : set;
        });
        if (!accepted.get() || socket.isClosed()) {
            unsubscribe(ticketId, socket);
        }
        return accepted.get();
    }

    void unsubscribe(String ticketId, RealtimeSocket socket) {
        socket.tickets().remove(ticketId);
        byTicket.computeIfPresent(ticketId, (id, subscribers) -> {
            subscribers.remove(socket);
            return subscribers.isEmpty() ? null : subscribers;
        });
    }

    Collection<RealtimeSocket> subscribers(String ticketId) {
        Set<RealtimeSocket> subscribers = byTicket.get(ticketId);
        return subscribers == null ? Set.of() : subscribers;
    }

    /** Ends every subscription to a ticket that will not change again; returns the sockets that had one. */
    Collection<RealtimeSocket> finish(String ticketId) {
        Set<RealtimeSocket> subscribers = byTicket.remove(ticketId);
        if (subscribers == null) {
            return Set.of();
        }
        subscribers.forEach(socket -> socket.tickets().remove(ticketId));
        return subscribers;
    }

    Collection<RealtimeSocket> all() {
        return sockets.values();
    }

    Set<String> subscribedTickets() {
        return byTicket.keySet();
    }

    int size() {
        return admitted.get();
    }
}
