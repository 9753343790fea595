package dev.matchplane.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.matchplane.support.HttpJson.Response;
import dev.matchplane.support.IntegrationTest;
import dev.matchplane.support.WsTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * With {@code enqueue-rate-limit=3} each client gets three enqueues per one-second window, counted in Redis; a
 * fourth is 429 RATE_LIMITED with Retry-After and changes nothing. Clients are told apart by the first
 * X-Forwarded-For hop because this context trusts it; test clients use documentation addresses of their own.
 */
@TestPropertySource(properties = { "matchmaking.http.enqueue-rate-limit=3", "matchmaking.http.trust-forwarded-for=true" })
class EnqueueRateLimitIntegrationTests extends IntegrationTest {

    private static final int LIMIT = 3;
    /** Reads a counter and its TTL at one instant, so a window ending in between cannot confuse the check. */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> COUNTER_AND_TTL = RedisScript.of(
            "return {redis.call('GET', KEYS[1]), redis.call('PTTL', KEYS[1])}", List.class);

    @Test
    void overTheLimitThenRateLimitedProblemWithRetryAfterAndNothingStored() {
        String client = clientAddress();
        List<String> groups = new ArrayList<>();
        Response limited = null;
        for (int i = 0; i < 30 && limited == null; i++) {
            String group = unique("g");
            Response response = enqueue(client, group, "/v1/matchmaking/enqueue");
            if (response.status() == 429) {
                limited = response;
                groups.add(group);
            }
            else {
                assertThat(response.status()).isEqualTo(201);
            }
        }

        assertThat(limited).as("a 429 within 30 calls at %d per second", LIMIT).isNotNull();
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.code()).isEqualTo("RATE_LIMITED");
        assertThat(limited.retryAfter()).isEqualTo("1");
        assertThat(redis.hasKey(keys.group(groups.get(0)))).as("refused call stored nothing").isFalse();
        List<?> window = redis.execute(COUNTER_AND_TTL, List.of(keys.rateLimit("enqueue", client)));
        // unless the window ended since the refusal, it counted the refusal too
        if (!window.isEmpty() && window.get(0) != null) {
            assertThat(Long.parseLong(window.get(0).toString())).isGreaterThan(LIMIT);
            assertThat((Long) window.get(1)).as("the window always expires").isBetween(1L, 1_000L);
        }
    }

    @Test
    void otherClientsKeepTheirOwnBudget() {
        String noisy = clientAddress();
        exhaust(noisy);

        assertThat(enqueue(clientAddress(), unique("g"), "/v1/matchmaking/enqueue").status()).isEqualTo(201);
    }

    @Test
    void afterRetryAfterTheClientMayEnqueueAgain() {
        String client = clientAddress();
        exhaust(client);

        awaitWindowEnd(client); // Retry-After: 1, and the window started before the refusal
        assertThat(enqueue(client, unique("g"), "/v1/matchmaking/enqueue").status()).isEqualTo(201);
    }

    @Test
    void pathVariantsThatReachEnqueueCountAgainstTheSameBudget() {
        String client = clientAddress();
        String counter = keys.rateLimit("enqueue", client);
        for (String path : new String[] { "/v1/matchmaking/enqueue;x=1", "/v1/matchmaking/%65nqueue" }) {
            exhaust(client);
            Response response = enqueue(client, unique("g"), path);
            String count = redis.opsForValue().get(counter);
            // refused, or (the window ended just before it) counted as the first call of a new window
            assertThat(response.status() == 429 || (response.status() == 201 && "1".equals(count)))
                    .as("%s answered %d with counter %s", path, response.status(), count).isTrue();
        }
    }

    @Test
    void onlyEnqueueIsLimited() {
        String client = clientAddress();
        exhaust(client);

        Response status = http().send(http().request("/v1/matchmaking/status/ticket-unknown")
                .header("X-Forwarded-For", client).GET());
        Response cancel = http().send(http().request("/v1/matchmaking/cancel").header("X-Forwarded-For", client)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"ticketId\":\"ticket-unknown\"}")));
        assertThat(status.status()).isEqualTo(404);
        assertThat(cancel.status()).isEqualTo(201);
    }

    @Test
    void socketEnqueuesShareTheBudgetAndTheSocketStaysUsable() {
        // no X-Forwarded-For on this socket: it counts against the peer address, which only this test uses
        try (WsTestClient socket = WsTestClient.connect(port, "/realtime")) {
            JsonNode refused = null;
            for (int i = 0; i < 30 && refused == null; i++) {
                socket.send("{\"action\":\"enqueue\",\"queueKey\":\"" + unique("q") + "\",\"members\":[\""
                        + unique("p") + "\"],\"groupSize\":1}");
                JsonNode reply = socket.nextJson();
                if (reply.get("type").asString().equals("error")) {
                    refused = reply;
                }
                else {
                    assertThat(reply.get("type").asString()).isEqualTo("enqueued");
                }
            }
            assertThat(refused).as("refused within 30 socket enqueues").isNotNull();
            assertThat(refused.get("code").asString()).isEqualTo("RATE_LIMITED");

            awaitWindowEnd("127.0.0.1"); // the socket's peer address
            socket.send("{\"action\":\"enqueue\",\"queueKey\":\"" + unique("q") + "\",\"members\":[\""
                    + unique("p") + "\"],\"groupSize\":1}");
            assertThat(socket.nextJson().get("type").asString()).as("same socket, next window").isEqualTo("enqueued");
        }
    }

    /** The client's window ends within Retry-After (1 s) plus slack: its counter expires. */
    private void awaitWindowEnd(String client) {
        await().atMost(Duration.ofMillis(1_100)).pollInterval(Duration.ofMillis(10))
                .until(() -> !redis.hasKey(keys.rateLimit("enqueue", client)));
    }

    /** Sends until refused (bounded); a window may end midway, so the loop does not count on the first three. */
    private void exhaust(String client) {
        for (int i = 0; i < 30; i++) {
            if (enqueue(client, unique("g"), "/v1/matchmaking/enqueue").status() == 429) {
                return;
            }
        }
        throw new AssertionError("never rate limited");
    }

    private Response enqueue(String client, String group, String path) {
        return http().send(http().request(path).header("Content-Type", "application/json")
                .header("X-Forwarded-For", client + ", 10.9.9.9")
                .POST(HttpRequest.BodyPublishers.ofString(TicketApiIntegrationTests.enqueueBody(unique("q"), group,
                        unique("p")))));
    }

    /** A fresh address per test from TEST-NET-3 (RFC 5737), so tests never share a budget. */
    private static String clientAddress() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return "203.0." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
