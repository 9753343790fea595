package dev.matchplane.rulesets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.matchplane.support.HttpJson;
import dev.matchplane.support.HttpJson.Response;
import tools.jackson.databind.JsonNode;

/** The HTTP calls the rule-set tests make: admin PUT/GET/DELETE, server registration, enqueue with players. */
final class RuleSetHttp {

    private final HttpJson http;

    RuleSetHttp(HttpJson http) {
        this.http = http;
    }

    Response put(String name, String body) {
        return http.send(http.request("/v1/admin/rulesets/" + name).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    JsonNode putOk(String name, String body) {
        Response response = put(name, body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    Response get(String path) {
        return http.get(path);
    }

    Response delete(String name) {
        return http.delete("/v1/admin/rulesets/" + name);
    }

    void register(String landType, String serverId, String region) {
        Response response = http.post("/v1/provisioning/servers/register", "{\"serverId\":\"" + serverId
                + "\",\"host\":\"10.0.0.9\",\"port\":7777,\"landType\":\"" + landType + "\""
                + (region == null ? "" : ",\"region\":\"" + region + "\"") + "}");
        assertThat(response.status()).isEqualTo(200);
    }

    /** Enqueues one party; {@code players} is the raw JSON of the players field, or null. */
    Response enqueue(String queueKey, List<String> members, String players) {
        String list = members.stream().map(m -> "\"" + m + "\"").collect(Collectors.joining(","));
        return http.post("/v1/matchmaking/enqueue", "{\"queueKey\":\"" + queueKey + "\",\"members\":[" + list
                + "],\"groupSize\":" + members.size() + (players == null ? "" : ",\"players\":" + players) + "}");
    }

    /** A solo player with one number attribute; the ticket id. */
    String solo(String queueKey, String player, String attributesJson) {
        Response response = enqueue(queueKey, List.of(player), "{\"" + player + "\":{\"attributes\":"
                + attributesJson + "}}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("ticketId").asString();
    }

    JsonNode status(String ticketId) {
        return http.get("/v1/matchmaking/status/" + ticketId).json();
    }

    JsonNode awaitAssignment(String ticketId) {
        JsonNode status = await().atMost(Duration.ofSeconds(10)).until(() -> status(ticketId),
                s -> "assigned".equals(s.get("status").asString()));
        return status.get("assignment");
    }

    /** The assignments of these tickets by ticket id, once all are assigned. */
    Map<String, JsonNode> awaitAssignments(List<String> ticketIds) {
        return ticketIds.stream().collect(Collectors.toMap(id -> id, this::awaitAssignment));
    }
}
