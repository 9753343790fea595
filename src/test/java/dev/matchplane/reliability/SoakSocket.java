package dev.matchplane.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import dev.matchplane.support.HttpJson;
import tools.jackson.databind.JsonNode;

/**
 * One simulated client's socket: records every terminal event of its ticket in the ledger and completes
 * {@link #ended} with the first; {@link #enqueued} completes with the ticket id a socket enqueue was given.
 */
final class SoakSocket implements WebSocket.Listener {

    private static final Duration CONNECT = Duration.ofSeconds(10);

    private final SoakLedger ledger;
    private final String name;
    private final StringBuilder partial = new StringBuilder();
    final CompletableFuture<String> enqueued = new CompletableFuture<>();
    final CompletableFuture<String> ended = new CompletableFuture<>();
    private volatile boolean closing;
    private WebSocket socket;

    private SoakSocket(SoakLedger ledger, String name) {
        this.ledger = ledger;
        this.name = name;
    }

    static SoakSocket open(HttpClient client, SoakLedger ledger, int port, String pathAndQuery, String name) {
        SoakSocket listener = new SoakSocket(ledger, name);
        listener.socket = client.newWebSocketBuilder().connectTimeout(CONNECT)
                .buildAsync(URI.create("ws://127.0.0.1:" + port + pathAndQuery), listener)
                .orTimeout(CONNECT.toSeconds(), TimeUnit.SECONDS).join();
        ledger.socketsOpened.incrementAndGet();
        return listener;
    }

    void send(String text) {
        socket.sendText(text, true).orTimeout(CONNECT.toSeconds(), TimeUnit.SECONDS).join();
    }

    void close() {
        closing = true;
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS)
                .exceptionally(failure -> null);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            ledger.messages.incrementAndGet();
            handle(HttpJson.parse(text));
        }
        webSocket.request(1);
        return null;
    }

    private void handle(JsonNode message) {
        String type = message.path("type").asString();
        String ticketId = message.at("/data/ticketId").asString();
        switch (type) {
            case "enqueued" -> enqueued.complete(ticketId);
            case "match.assigned", "ticket.cancelled", "ticket.expired" -> {
                ledger.received(ticketId, type, message.at("/data/assignment/assignmentId").asString(""));
                ended.complete(type);
            }
            default -> {
                ledger.anomaly(name + " got " + message);
                enqueued.completeExceptionally(new IllegalStateException(message.toString()));
            }
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (!closing) {
            ledger.anomaly(name + " closed by the server: " + statusCode + " " + reason);
        }
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        if (!closing) {
            ledger.anomaly(name + " socket failed: " + error);
        }
    }
}
