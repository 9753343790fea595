package dev.matchplane.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.matchplane.support.HttpJson;
import dev.matchplane.support.HttpJson.Response;
import example.gameserver.GameServer;
import example.gameserver.Options;
import tools.jackson.databind.JsonNode;

/**
 * What players and the example game server do in these tests: start the example against one Matchplane, queue
 * players over REST, and connect to the game server with the JDK WebSocket client, as a game client would.
 */
final class ExamplePlayers {

    private static final Duration SOON = Duration.ofSeconds(10);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final HttpJson http;
    private final String baseUrl;

    ExamplePlayers(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = new HttpJson(baseUrl);
    }

    HttpJson http() {
        return http;
    }

    /** The example on a free loopback port, through its command-line options as an operator would start it. */
    GameServer startGameServer(String landType, String... extraOptions) throws Exception {
        List<String> args = new ArrayList<>(List.of("--matchplane", baseUrl, "--server-id", "gs-" + landType,
                "--land-type", landType, "--host", "127.0.0.1", "--port", "0", "--bind", "127.0.0.1"));
        args.addAll(List.of(extraOptions));
        return GameServer.start(Options.parse(args.toArray(String[]::new)));
    }

    /** Queues each player alone into {@code queueKey} and returns their assignments, in the same order. */
    List<JsonNode> queueAndAwaitAssignments(String queueKey, String... players) {
        List<String> tickets = new ArrayList<>();
        for (String player : players) {
            Response response = http.post("/v1/matchmaking/enqueue",
                    "{\"queueKey\":\"" + queueKey + "\",\"members\":[\"" + player + "\"],\"groupSize\":1}");
            assertThat(response.status()).isEqualTo(201);
            tickets.add(response.json().get("ticketId").asString());
        }
        List<JsonNode> assignments = new ArrayList<>();
        for (String ticket : tickets) {
            JsonNode status = await().atMost(SOON).until(() -> http.get("/v1/matchmaking/status/" + ticket).json(),
                    s -> "assigned".equals(s.get("status").asString()));
            assertThat(status.get("status").asString()).isEqualTo("assigned");
            assignments.add(status.get("assignment"));
        }
        return assignments;
    }

    /** What the contract tells clients to do: connect to {@code connectUrl + "&token=" + matchToken}. */
    static String joinUrl(JsonNode assignment) {
        return assignment.get("connectUrl").asString() + "&token=" + assignment.get("matchToken").asString();
    }

    /** Opens a WebSocket and waits for the first text message (the welcome). */
    static Connection connect(String url) throws Exception {
        Connection connection = new Connection();
        connection.socket = CLIENT.newWebSocketBuilder().buildAsync(URI.create(url), connection)
                .get(SOON.toSeconds(), TimeUnit.SECONDS);
        return connection;
    }

    /**
     * The close code of a socket the game server upgraded only to close it at once (how the example answers a bad
     * token); fails the test if the server sent any message first.
     */
    static Connection.Closed closedWithoutWelcome(String url) throws Exception {
        Connection connection = connect(url);
        Connection.Closed closed = connection.awaitClose();
        assertThat(connection.firstText.isDone()).as("a message was sent before the close").isFalse();
        return closed;
    }

    /** The HTTP status of a refused handshake; fails the test if the server upgraded instead. */
    static int refusedStatus(String url) throws TimeoutException, InterruptedException {
        try {
            WebSocket socket = CLIENT.newWebSocketBuilder().buildAsync(URI.create(url), new Connection())
                    .get(SOON.toSeconds(), TimeUnit.SECONDS);
            socket.abort();
            throw new AssertionError("the game server upgraded " + url);
        }
        catch (ExecutionException ex) {
            assertThat(ex.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            return ((WebSocketHandshakeException) ex.getCause()).getResponse().statusCode();
        }
    }

    /** A client socket that records the first text message and the close code the server answers with. */
    static final class Connection implements WebSocket.Listener {

        private final CompletableFuture<String> firstText = new CompletableFuture<>();
        private final CompletableFuture<Closed> closed = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();
        private WebSocket socket;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                firstText.complete(text.toString());
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            firstText.completeExceptionally(error);
            closed.completeExceptionally(error);
        }

        JsonNode welcome() throws Exception {
            return HttpJson.parse(firstText.get(SOON.toSeconds(), TimeUnit.SECONDS));
        }

        /** Closes normally and returns the code the server echoed, proving it completed the closing handshake. */
        int close() throws Exception {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(SOON.toSeconds(), TimeUnit.SECONDS);
            return awaitClose().code();
        }

        /** Sends one text message; the send itself may fail once the server has closed, so it is not awaited. */
        void sendText(String text) {
            socket.sendText(text, true);
        }

        /** The close frame the server sent. */
        Closed awaitClose() throws Exception {
            return closed.get(SOON.toSeconds(), TimeUnit.SECONDS);
        }

        /** A close frame's status code and reason. */
        record Closed(int code, String reason) {
        }
    }
}
