package dev.matchplane.player;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import dev.matchplane.support.HttpJson;
import dev.matchplane.support.IntegrationTest;
import dev.matchplane.support.WsTestClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What a studio relies on once {@code MATCHMAKING_PLAYER_AUTH=jwt}, checked over a real port in each verification
 * mode (subclasses say how tokens are signed). Invariants: no call without a valid token changes or reveals a
 * ticket; a player acts only on tickets that list them, and any other ticket looks unknown.
 */
abstract class PlayerAuthIntegrationTest extends IntegrationTest {

    static final String ENQUEUE = "/v1/matchmaking/enqueue";
    static final String CANCEL = "/v1/matchmaking/cancel";
    static final String STATUS = "/v1/matchmaking/status/";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A valid token for this player, as the studio issues them. */
    abstract String token(String player);

    abstract String expiredToken(String player);

    abstract String wronglySignedToken(String player);

    abstract String wrongAudienceToken(String player);

    /** Every kind of token that must be refused; null is "no token at all". */
    Map<String, @Nullable String> refusedTokens(String player) {
        Map<String, @Nullable String> tokens = new LinkedHashMap<>();
        tokens.put("no token", null);
        tokens.put("expired", expiredToken(player));
        tokens.put("wrong signature", wronglySignedToken(player));
        tokens.put("wrong audience", wrongAudienceToken(player));
        tokens.put("garbage", "not-a-jwt");
        return tokens;
    }

    @Test
    void restCallsWithoutAValidTokenGet401AndChangeNothing() {
        String player = unique("alice");
        String group = unique("g");
        String ticketId = enqueue(token(player), queueOf(), group + "-own", player).json().path("ticketId").asString();
        refusedTokens(player).forEach((kind, token) -> {
            assertUnauthorized(kind + " enqueue", send("POST", ENQUEUE, enqueueBody(queueOf(), group, player), token));
            assertUnauthorized(kind + " cancel", send("POST", CANCEL, cancelBody(ticketId), token));
            assertUnauthorized(kind + " status", send("GET", STATUS + ticketId, null, token));
        });
        assertThat(redis.hasKey(keys.group(group))).as("no ticket was written for the refused enqueues").isFalse();
        assertThat(status(token(player), ticketId).json().path("status").asString()).isEqualTo("queued");
    }

    @Test
    void socketHandshakesWithoutAValidTokenGet401() {
        String player = unique("alice");
        String ticketId = enqueue(token(player), queueOf(), unique("g"), player).json().path("ticketId").asString();
        refusedTokens(player).forEach((kind, token) -> {
            String query = token == null ? "" : "&access_token=" + token;
            assertThat(handshakeStatus("/realtime?ticketId=" + ticketId + query, null)).as(kind + " subscribe, query")
                    .isEqualTo(401);
            assertThat(handshakeStatus("/realtime?ticketId=" + ticketId, token)).as(kind + " subscribe, header")
                    .isEqualTo(401);
            assertThat(handshakeStatus("/realtime", token)).as(kind + " command socket").isEqualTo(401);
        });
    }

    @Test
    void aMemberEnqueuesReadsCancelsAndFollowsTheirTicket() {
        String leader = unique("alice");
        String mate = unique("bob");
        HttpJson.Response created = enqueue(token(leader), queueOf(), unique("g"), leader, mate);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String ticketId = created.json().path("ticketId").asString();
        assertThat(status(token(mate), ticketId).status()).as("every member may read the ticket").isEqualTo(200);
        try (WsTestClient follower = WsTestClient.connectWithToken(port, "/realtime?ticketId=" + ticketId,
                token(mate));
                WsTestClient browser = WsTestClient.connect(port,
                        "/realtime?ticketId=" + ticketId + "&access_token=" + token(leader))) {
            HttpJson.Response cancelled = send("POST", CANCEL, cancelBody(ticketId), token(mate));
            assertThat(cancelled.json().path("cancelled").asBoolean()).as(cancelled.body()).isTrue();
            assertThat(follower.nextJson().path("type").asString()).isEqualTo("ticket.cancelled");
            assertThat(browser.nextJson().path("type").asString()).isEqualTo("ticket.cancelled");
        }
    }

    @Test
    void aMemberEnqueuesOverTheSocket() {
        String player = unique("alice");
        try (WsTestClient socket = WsTestClient.connectWithToken(port, "/realtime", token(player))) {
            socket.send(socketEnqueue(queueOf(), player));
            JsonNode reply = socket.nextJson();
            assertThat(reply.path("type").asString()).as(reply.toString()).isEqualTo("enqueued");
            String ticketId = reply.path("data").path("ticketId").asString();
            assertThat(status(token(player), ticketId).json().path("status").asString()).isEqualTo("queued");
        }
    }

    @Test
    void aNonMemberIsRefusedOnEnqueueAndSeesOtherTicketsAsUnknown() {
        String owner = unique("alice");
        String stranger = unique("mallory");
        String group = unique("g");
        HttpJson.Response refused = enqueue(token(stranger), queueOf(), group, owner);
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("NOT_A_MEMBER");
        assertThat(redis.hasKey(keys.group(group))).as("the refused enqueue wrote nothing").isFalse();
        assertThat(redis.hasKey(keys.player(owner))).as("the owner is not locked out").isFalse();

        String ticketId = enqueue(token(owner), queueOf(), unique("g"), owner).json().path("ticketId").asString();
        HttpJson.Response status = status(token(stranger), ticketId);
        assertThat(status.status()).isEqualTo(404);
        assertThat(status.code()).isEqualTo("TICKET_NOT_FOUND");
        HttpJson.Response cancel = send("POST", CANCEL, cancelBody(ticketId), token(stranger));
        assertThat(cancel.status()).isEqualTo(201);
        assertThat(cancel.json().path("cancelled").asBoolean()).isFalse();
        assertThat(status(token(owner), ticketId).json().path("status").asString())
                .as("the stranger's cancel left the ticket waiting").isEqualTo("queued");
        try (WsTestClient socket = WsTestClient.connect(port,
                "/realtime?ticketId=" + ticketId + "&access_token=" + token(stranger))) {
            assertThat(socket.awaitCloseCode()).isEqualTo(4404);
            assertThat(socket.received()).as("nothing about the ticket was pushed").isEmpty();
        }
    }

    @Test
    void aNonMemberSocketEnqueueGetsAnErrorAndTheSocketStaysOpen() {
        String owner = unique("alice");
        String stranger = unique("mallory");
        try (WsTestClient socket = WsTestClient.connectWithToken(port, "/realtime", token(stranger))) {
            socket.send(socketEnqueue(queueOf(), owner));
            JsonNode error = socket.nextJson();
            assertThat(error.path("type").asString()).isEqualTo("error");
            assertThat(error.path("code").asString()).isEqualTo("NOT_A_MEMBER");
            assertThat(redis.hasKey(keys.player(owner))).isFalse();
            socket.send(socketEnqueue(queueOf(), stranger));
            assertThat(socket.nextJson().path("type").asString()).as("the socket is still open").isEqualTo("enqueued");
        }
    }

    @Test
    void queueStatisticsStayPublic() {
        HttpJson.Response stats = send("GET", "/v1/matchmaking/queues/" + queueOf() + "/stats", null, null);
        assertThat(stats.status()).as(stats.body()).isNotEqualTo(401);
    }

    // --- helpers ---

    /** A queue of this test's own; 4 players a match, so a party of two waits (no game server is registered). */
    static String queueOf() {
        return unique("auth") + ":4v4";
    }

    HttpJson.Response enqueue(@Nullable String token, String queue, String group, String... members) {
        return send("POST", ENQUEUE, enqueueBody(queue, group, members), token);
    }

    HttpJson.Response status(@Nullable String token, String ticketId) {
        return send("GET", STATUS + ticketId, null, token);
    }

    static String enqueueBody(String queue, String group, String... members) {
        return "{\"queueKey\":\"" + queue + "\",\"groupId\":\"" + group + "\",\"members\":"
                + quoted(List.of(members)) + ",\"groupSize\":" + members.length + "}";
    }

    static String socketEnqueue(String queue, String player) {
        return "{\"action\":\"enqueue\",\"queueKey\":\"" + queue + "\",\"members\":[\"" + player
                + "\"],\"groupSize\":1}";
    }

    static String cancelBody(String ticketId) {
        return "{\"ticketId\":\"" + ticketId + "\"}";
    }

    private static String quoted(List<String> values) {
        return values.stream().map(value -> "\"" + value + "\"").toList().toString().replace(" ", "");
    }

    /** A REST call with an optional player token; the answer's {@code retryAfter} holds its WWW-Authenticate. */
    HttpJson.Response send(String method, String path, @Nullable String body, @Nullable String token) {
        HttpResponse<String> response = raw(method, path, body, token);
        return new HttpJson.Response(response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("WWW-Authenticate").orElse(null), response.body());
    }

    HttpResponse<String> raw(String method, String path, @Nullable String body, @Nullable String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(15)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    static void assertUnauthorized(String what, HttpJson.Response response) {
        assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(401);
        assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        assertThat(response.code()).as(what).isEqualTo("UNAUTHORIZED");
        assertThat(response.retryAfter()).as(what + " WWW-Authenticate").isNotNull().startsWith("Bearer");
    }

    /** The HTTP status of a refused handshake, or 101 when the socket opened. */
    int handshakeStatus(String pathAndQuery, @Nullable String token) {
        var builder = CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        Throwable failure = catchThrowable(() -> builder.buildAsync(URI.create("ws://127.0.0.1:" + port
                + pathAndQuery), new java.net.http.WebSocket.Listener() {
                }).orTimeout(10, TimeUnit.SECONDS).join().abort());
        if (failure == null) {
            return 101;
        }
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        assertThat(cause).as("a refused handshake, not a broken connection").isInstanceOf(
                WebSocketHandshakeException.class);
        return ((WebSocketHandshakeException) cause).getResponse().statusCode();
    }
}
