package dev.matchplane.realtime;

import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.matchplane.player.Caller;
import dev.matchplane.web.ClientAddress;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.SessionLimitExceededException;

/**
 * One client connection. Sends go through a {@code ConcurrentWebSocketSessionDecorator}, so any thread may send;
 * a send never throws: a client that cannot keep up or has gone is closed instead.
 */
final class RealtimeSocket {

    static final CloseStatus UNKNOWN_TICKET = new CloseStatus(4404, "Unknown ticket");
    static final CloseStatus TOO_MANY_FOR_TICKET = new CloseStatus(4429, "Too many sockets for this ticket");
    static final CloseStatus TOO_MANY_SOCKETS = CloseStatus.SERVICE_OVERLOAD.withReason("Try again later");
    static final CloseStatus STORE_UNAVAILABLE = CloseStatus.SERVICE_OVERLOAD.withReason("Store unavailable");
    static final CloseStatus NO_PONG = CloseStatus.GOING_AWAY.withReason("No pong");

    private static final Logger log = LoggerFactory.getLogger(RealtimeSocket.class);

    private final WebSocketSession session;
    private final Caller caller;
    private final RealtimeMetrics metrics;
    /** Tickets this socket is registered for, so that closing it can leave the registry clean. */
    private final Set<String> tickets = ConcurrentHashMap.newKeySet();
    /** {@code <type> <ticketId>} of every event sent: a stored read and pub/sub may both deliver one event. */
    private final Set<String> delivered = ConcurrentHashMap.newKeySet();
    private volatile long lastHeardNanos;
    private volatile boolean closed;
    /**
     * Parts of a client message that arrived in pieces, null between messages. The container delivers one socket's
     * messages one after the other, so only one thread at a time touches it.
     */
    private @Nullable StringBuilder parts;

    RealtimeSocket(WebSocketSession session, long nowNanos, RealtimeMetrics metrics) {
        this(session, Caller.TRUSTED, nowNanos, metrics);
    }

    RealtimeSocket(WebSocketSession session, Caller caller, long nowNanos, RealtimeMetrics metrics) {
        this.session = session;
        this.caller = caller;
        this.metrics = metrics;
        this.lastHeardNanos = nowNanos;
    }

    /** Who opened the socket: the player its handshake token proved, or anyone when player authentication is off. */
    Caller caller() {
        return caller;
    }

    String id() {
        return session.getId();
    }

    /** The address per-client limits count this socket's calls against (see {@link ClientAddress}). */
    String clientAddress(boolean trustForwardedFor) {
        java.net.InetSocketAddress remote = session.getRemoteAddress();
        String peer = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
        return ClientAddress.of(peer, session.getHandshakeHeaders().getFirst("X-Forwarded-For"), trustForwardedFor);
    }

    Set<String> tickets() {
        return tickets;
    }

    /** @return true only the first time this event of this ticket is offered to this socket */
    boolean firstDelivery(TicketEvent event) {
        return delivered.add(event.type() + ' ' + event.ticketId());
    }

    /** Adds a part of a client message: returns the whole message with its last part, null while parts are due. */
    @Nullable String joinParts(String part, boolean last) {
        if (parts == null) {
            if (last) {
                return part; // the usual case: a message in one part, nothing copied
            }
            parts = new StringBuilder(part.length() * 2);
        }
        parts.append(part);
        if (!last) {
            return null;
        }
        String whole = parts.toString();
        parts = null;
        return whole;
    }

    /** Characters of the message being joined so far. */
    int partsLength() {
        return parts == null ? 0 : parts.length();
    }

    void dropParts() {
        parts = null;
    }

    void heard(long nowNanos) {
        lastHeardNanos = nowNanos;
    }

    long lastHeardNanos() {
        return lastHeardNanos;
    }

    boolean isClosed() {
        return closed;
    }

    void markClosed() {
        closed = true;
    }

    /** Sends a message; one that cannot be delivered is counted in {@code matchplane.realtime.sends.dropped}. */
    void send(String text) {
        String dropped = send(new TextMessage(text));
        if (dropped != null) {
            metrics.dropped(dropped);
        }
    }

    void ping() {
        send(new PingMessage(ByteBuffer.allocate(0)));
    }

    /** @return null when handed to the connection, else why not: "closed", "slow" or "failed" */
    private @Nullable String send(WebSocketMessage<?> message) {
        if (closed) {
            return RealtimeMetrics.DROPPED_CLOSED;
        }
        try {
            session.sendMessage(message);
            return null;
        }
        catch (SessionLimitExceededException ex) {
            log.info("Closing slow realtime socket '{}': {}", id(), ex.getMessage());
            close(ex.getStatus());
            return RealtimeMetrics.DROPPED_SLOW;
        }
        catch (Exception ex) {
            // The client went away mid-send (or is closing): nothing to deliver to any more.
            log.debug("Send to realtime socket '{}' failed: {}", id(), ex.toString());
            close(CloseStatus.SESSION_NOT_RELIABLE);
            return RealtimeMetrics.DROPPED_FAILED;
        }
    }

    void close(CloseStatus status) {
        try {
            session.close(status);
        }
        catch (Exception ex) {
            log.debug("Closing realtime socket '{}' failed: {}", id(), ex.toString());
        }
    }
}
