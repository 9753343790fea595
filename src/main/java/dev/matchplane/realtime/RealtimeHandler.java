package dev.matchplane.realtime;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import dev.matchplane.player.Callers;
import dev.matchplane.redis.StoreFailures;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * {@code /realtime}: with {@code ?ticketId=} the socket follows that ticket; without, it takes client commands
 * ({@link ClientCommands}). Binary messages are refused by the base class (close 1003).
 */
@Component
class RealtimeHandler extends TextWebSocketHandler {

    /** Tomcat's own per-session limit on a blocking send; without it a send to a stuck client waits 20 s. */
    private static final String TOMCAT_BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";
    private static final String SOCKET = RealtimeSocket.class.getName();
    private static final int MAX_TICKET_ID = 200;

    private static final Logger log = LoggerFactory.getLogger(RealtimeHandler.class);

    private final SocketRegistry registry;
    private final TicketFeed feed;
    private final ClientCommands commands;
    private final RealtimeProperties properties;
    private final RealtimeMetrics metrics;
    private final Callers callers;

    RealtimeHandler(SocketRegistry registry, TicketFeed feed, ClientCommands commands,
            RealtimeProperties properties, RealtimeMetrics metrics, Callers callers) {
        this.callers = callers;
        this.registry = registry;
        this.feed = feed;
        this.commands = commands;
        this.properties = properties;
        this.metrics = metrics;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        limitBlockingSends(session);
        RealtimeSocket socket = new RealtimeSocket(new ConcurrentWebSocketSessionDecorator(session,
                (int) properties.sendTimeLimit().toMillis(), (int) properties.sendBufferLimit().toBytes(),
                ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE), callers.of(session.getPrincipal()),
                System.nanoTime(), metrics);
        if (!registry.admit(socket)) {
            log.warn("Refusing a realtime socket: this instance holds its maximum of {}", properties.maxSockets());
            socket.close(RealtimeSocket.TOO_MANY_SOCKETS);
            return;
        }
        session.getAttributes().put(SOCKET, socket);
        MultiValueMap<String, String> query = query(session.getUri());
        if (query.containsKey("ticketId")) {
            follow(socket, query.getFirst("ticketId"));
        }
    }

    private void follow(RealtimeSocket socket, @Nullable String rawTicketId) {
        String ticketId = rawTicketId == null ? "" : UriUtils.decode(rawTicketId, StandardCharsets.UTF_8);
        if (ticketId.isEmpty() || ticketId.length() > MAX_TICKET_ID) {
            socket.close(RealtimeSocket.UNKNOWN_TICKET);
            return;
        }
        try {
            switch (feed.subscribe(socket, ticketId)) {
                case UNKNOWN_TICKET -> socket.close(RealtimeSocket.UNKNOWN_TICKET);
                case TOO_MANY_SOCKETS -> socket.close(RealtimeSocket.TOO_MANY_FOR_TICKET);
                default -> {
                }
            }
        }
        catch (RuntimeException ex) {
            if (!StoreFailures.isUnavailable(ex)) {
                throw ex;
            }
            log.warn("Redis unavailable while subscribing a socket to ticket '{}': {}", ticketId, ex.toString());
            socket.close(RealtimeSocket.STORE_UNAVAILABLE);
        }
    }

    /**
     * Client messages arrive in parts of {@link RealtimeConfiguration#TEXT_PART_CHARS}: a socket then keeps a small
     * receive buffer instead of one as large as the largest message allowed, which is most of an idle socket's heap.
     */
    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        RealtimeSocket socket = socket(session);
        if (socket == null) {
            return;
        }
        socket.heard(System.nanoTime());
        String text = socket.joinParts(message.getPayload(), message.isLast());
        long limit = properties.maxMessageSize().toBytes();
        if ((text == null ? socket.partsLength() : text.length()) > limit) {
            socket.dropParts();
            socket.close(CloseStatus.TOO_BIG_TO_PROCESS);
            return;
        }
        if (text != null) {
            commands.handle(socket, text);
        }
    }

    @Override
    protected void handlePongMessage(WebSocketSession session, PongMessage message) {
        RealtimeSocket socket = socket(session);
        if (socket != null) {
            socket.heard(System.nanoTime());
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("Realtime socket '{}' failed: {}", session.getId(), exception.toString());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        RealtimeSocket socket = socket(session);
        if (socket != null) {
            registry.remove(socket);
        }
    }

    private static @Nullable RealtimeSocket socket(WebSocketSession session) {
        return (RealtimeSocket) session.getAttributes().get(SOCKET);
    }

    private static MultiValueMap<String, String> query(@Nullable URI uri) {
        return UriComponentsBuilder.fromUri(uri == null ? URI.create(RealtimeConfiguration.PATH) : uri).build()
                .getQueryParams();
    }

    private void limitBlockingSends(WebSocketSession session) {
        if (session instanceof NativeWebSocketSession nativeSession) {
            jakarta.websocket.Session standard = nativeSession.getNativeSession(jakarta.websocket.Session.class);
            if (standard != null) {
                standard.getUserProperties().put(TOMCAT_BLOCKING_SEND_TIMEOUT, properties.sendTimeLimit().toMillis());
            }
        }
    }
}
