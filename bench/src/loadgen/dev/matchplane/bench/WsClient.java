package dev.matchplane.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A lean WebSocket client (RFC 6455, text messages, no extensions) for the load generator: one or two selector
 * threads ({@link WsLoop}) drive every connection to one endpoint. Why not java.net.http's WebSocket: it cost
 * ~2.2 ms of CPU per player (connect, upgrade, one message out, two in, close), ~0.45 cores at 200 players/s on the
 * same two cores the app runs on, which made the time to match describe the client as much as the server. Here a
 * connection is a channel, its selection key and a small state object; an idle one holds no buffers, so 10,000 idle
 * sockets cost little.
 */
final class WsClient implements AutoCloseable {

    /** Callbacks, all on the connection's selector thread; they must not block. */
    interface Listener {

        void onOpen(WsConnection socket);

        /** A whole text message (fragments already joined). */
        void onText(WsConnection socket, String message);

        /** The server's close frame arrived (the client answers it). */
        void onClose(WsConnection socket, int code, String reason);

        /** The connection failed: opening handshake, timeout, I/O error, or closed without a close frame. */
        void onError(WsConnection socket, Throwable failure);
    }

    final InetSocketAddress address;
    private final byte[] requestHead;
    private final WsLoop[] loops;
    private final AtomicInteger next = new AtomicInteger();

    WsClient(String host, int port, String path, int loopCount) throws IOException {
        this.address = new InetSocketAddress(host, port);
        this.requestHead = ("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ")
                .getBytes(StandardCharsets.ISO_8859_1);
        this.loops = new WsLoop[Math.max(1, loopCount)];
        for (int i = 0; i < loops.length; i++) {
            loops[i] = new WsLoop("ws-loop-" + i);
        }
    }

    /**
     * Opens a connection; the future completes once the server's 101 has been checked (after
     * {@link Listener#onOpen}), or exceptionally when the TCP connect and upgrade together take longer than
     * {@code handshakeTimeout} or fail — {@link Listener#onError} is called in both failure cases too.
     */
    CompletableFuture<WsConnection> connect(Listener listener, Duration handshakeTimeout) {
        WsLoop loop = loops[Math.floorMod(next.getAndIncrement(), loops.length)];
        WsConnection connection = new WsConnection(this, loop, listener, handshakeTimeout.toNanos());
        loop.execute(connection::start);
        return connection.opened();
    }

    /** The upgrade request for one connection's {@code Sec-WebSocket-Key}. */
    byte[] upgradeRequest(String key) {
        byte[] tail = (key + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[requestHead.length + tail.length];
        System.arraycopy(requestHead, 0, request, 0, requestHead.length);
        System.arraycopy(tail, 0, request, requestHead.length, tail.length);
        return request;
    }

    /** Stops the selector threads and drops every connection still open, without a close handshake. */
    @Override
    public void close() {
        for (WsLoop loop : loops) {
            loop.shutdown();
        }
        try {
            for (WsLoop loop : loops) {
                loop.join();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt(); // the loops are daemons: they do not keep the process alive
        }
    }
}
