package dev.matchplane.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import tools.jackson.databind.JsonNode;

/**
 * A real WebSocket client for tests (the JDK's), collecting every text message and the close code. A client made
 * with {@link #connectNotReading} never requests a frame, so the server's sends to it pile up and then block.
 */
public final class WsTestClient implements WebSocket.Listener, AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final boolean reading;
    private final BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    private WsTestClient(boolean reading) {
        this.reading = reading;
    }

    public static WsTestClient connect(int port, String pathAndQuery) {
        return open(port, pathAndQuery, true, null);
    }

    /** As a browser on {@code origin} would; fails (CompletionException) when the server refuses the handshake. */
    public static WsTestClient connectFrom(String origin, int port, String pathAndQuery) {
        return open(port, pathAndQuery, true, origin);
    }

    public static WsTestClient connectNotReading(int port, String pathAndQuery) {
        return open(port, pathAndQuery, false, null);
    }

    /** With {@code Authorization: Bearer <token>} on the handshake, as a native game client sends a player token. */
    public static WsTestClient connectWithToken(int port, String pathAndQuery, String token) {
        return open(port, pathAndQuery, true, null, token);
    }

    private static WsTestClient open(int port, String pathAndQuery, boolean reading, String origin) {
        return open(port, pathAndQuery, reading, origin, null);
    }

    private static WsTestClient open(int port, String pathAndQuery, boolean reading, String origin, String token) {
        WsTestClient client = new WsTestClient(reading);
        WebSocket.Builder builder = CLIENT.newWebSocketBuilder().connectTimeout(WAIT);
        if (origin != null) {
            builder.header("Origin", origin);
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        client.socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + pathAndQuery), client)
                .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
        return client;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        if (reading) {
            webSocket.request(1);
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            received.add(partial.toString());
            inbox.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeCode.completeExceptionally(error);
    }

    public void send(String text) {
        socket.sendText(text, true).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** The next text message; fails the test if none comes within 10 s. */
    public String next() {
        try {
            String text = inbox.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(text).as("a message within %s (received so far: %s)", WAIT, received).isNotNull();
            return text;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    public JsonNode nextJson() {
        return HttpJson.parse(next());
    }

    /** Fails if a message arrives within the given time. */
    public void assertNoMessageWithin(Duration quiet) {
        try {
            String text = inbox.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(text).as("no further message").isNull();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** The close code the server sent; fails the test if the socket is still open after 10 s. */
    public int awaitCloseCode() {
        try {
            return closeCode.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException ex) {
            throw new AssertionError("socket still open after " + WAIT + " (received: " + received + ")");
        }
        catch (ExecutionException ex) {
            throw new AssertionError("socket failed instead of closing", ex.getCause());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    public boolean isClosed() {
        return closeCode.isDone();
    }

    public List<String> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(2, TimeUnit.SECONDS).exceptionally(ex -> null)
                    .join();
        }
        socket.abort();
    }
}
