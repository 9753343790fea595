package dev.matchplane.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchplane.support.HttpJson.Response;
import dev.matchplane.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Drives the ticket API over a real port against real Redis: the client's view of docs/rest-api.md. */
class TicketApiIntegrationTests extends IntegrationTest {

    @Test
    void enqueueThenStatusThenCancelThenStatus() {
        String queue = unique("casual") + ":asia";
        Response created = http().post("/v1/matchmaking/enqueue",
                enqueueBody(queue, unique("g"), unique("p")));
        assertThat(created.status()).isEqualTo(201);
        String ticketId = created.json().get("ticketId").asString();
        assertThat(ticketId).matches("ticket-[A-Za-z0-9_-]{22,}");
        assertThat(created.json().get("status").asString()).isEqualTo("queued");

        JsonNode status = http().get("/v1/matchmaking/status/" + ticketId).json();
        assertThat(status.get("status").asString()).isEqualTo("queued");
        assertThat(status.get("queueKey").asString()).isEqualTo(queue);
        assertThat(status.has("assignment")).isFalse();
        assertThat(status.get("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

        Response cancel = http().post("/v1/matchmaking/cancel", "{\"ticketId\":\"" + ticketId + "\"}");
        assertThat(cancel.status()).isEqualTo(201);
        assertThat(cancel.json().get("cancelled").asBoolean()).isTrue();
        assertThat(http().get("/v1/matchmaking/status/" + ticketId).json().get("status").asString())
                .isEqualTo("cancelled");

        Response again = http().post("/v1/matchmaking/cancel", "{\"ticketId\":\"" + ticketId + "\"}");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("cancelled").asBoolean()).isFalse();
    }

    @Test
    void enqueueWithoutGroupIdThenServerGeneratesOne() {
        Response created = http().post("/v1/matchmaking/enqueue", "{\"queueKey\":\"" + unique("q")
                + "\",\"members\":[\"" + unique("p") + "\"],\"groupSize\":1}");
        assertThat(created.status()).isEqualTo(201);
        String ticketId = created.json().get("ticketId").asString();
        assertThat(http().get("/v1/matchmaking/status/" + ticketId).json().get("groupId").asString())
                .matches("group-[A-Za-z0-9_-]{22,}");
    }

    @Test
    void enqueueSameGroupTwiceThenSameTicket() {
        String group = unique("g");
        String queue = unique("q");
        Response first = http().post("/v1/matchmaking/enqueue", enqueueBody(queue, group, unique("p")));
        Response second = http().post("/v1/matchmaking/enqueue", enqueueBody(queue + "x", group, unique("p")));
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("ticketId").asString()).isEqualTo(first.json().get("ticketId").asString());
    }

    @Test
    void enqueueWhenPlayerAlreadyQueuedThenConflict() {
        String player = unique("p");
        String queue = unique("q");
        http().post("/v1/matchmaking/enqueue", enqueueBody(queue, unique("g"), player));
        Response conflict = http().post("/v1/matchmaking/enqueue", enqueueBody(queue, unique("g"), player));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(conflict.code()).isEqualTo("PLAYER_ALREADY_QUEUED");
        assertThat(conflict.json().get("detail").asString()).contains(player);
        assertThat(conflict.json().get("type").asString()).isEqualTo("urn:matchplane:problem:player-already-queued");
    }

    @Test
    void enqueueAfterCancelThenPlayerMayQueueAgain() {
        String player = unique("p");
        String queue = unique("q");
        String first = http().post("/v1/matchmaking/enqueue", enqueueBody(queue, unique("g"), player)).json()
                .get("ticketId").asString();
        http().post("/v1/matchmaking/cancel", "{\"ticketId\":\"" + first + "\"}");
        Response again = http().post("/v1/matchmaking/enqueue", enqueueBody(queue, unique("g"), player));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("ticketId").asString()).isNotEqualTo(first);
    }

    @Test
    void enqueuePartyLargerThanMatchThenUnprocessable() {
        Response tooLarge = http().post("/v1/matchmaking/enqueue", "{\"queueKey\":\"" + unique("ranked")
                + ":2v2\",\"members\":[\"" + unique("a") + "\",\"" + unique("b") + "\",\"" + unique("c")
                + "\"],\"groupSize\":3}");
        assertThat(tooLarge.status()).isEqualTo(422);
        assertThat(tooLarge.code()).isEqualTo("PARTY_TOO_LARGE");
    }

    @Test
    void statusOfUnknownTicketThenNotFound() {
        Response missing = http().get("/v1/matchmaking/status/ticket-doesnotexist123");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("TICKET_NOT_FOUND");
        assertThat(http().get("/v1/matchmaking/status/..%2e..%2eetc").status()).isEqualTo(404);
    }

    @Test
    void cancelUnknownTicketThenNotCancelledRatherThanNotFound() {
        Response cancel = http().post("/v1/matchmaking/cancel", "{\"ticketId\":\"ticket-nope\"}");
        assertThat(cancel.status()).isEqualTo(201);
        assertThat(cancel.json().get("cancelled").asBoolean()).isFalse();
    }

    @Test
    void healthThenOk() {
        Response health = http().get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("ok").asBoolean()).isTrue();
        Response readiness = http().get("/actuator/health");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().at("/status").asString()).isEqualTo("UP");
    }

    static String enqueueBody(String queueKey, String groupId, String player) {
        return "{\"queueKey\":\"" + queueKey + "\",\"groupId\":\"" + groupId + "\",\"members\":[\"" + player
                + "\"],\"groupSize\":1}";
    }
}
