package dev.matchplane.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import dev.matchplane.matching.MatchmakingProperties;
import dev.matchplane.support.HttpJson.Response;
import dev.matchplane.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The operator endpoints (docs/rest-api.md, Operators) over a real port, fed through the real client and server APIs. */
class AdminApiIntegrationTests extends IntegrationTest {

    @Autowired
    MatchmakingProperties properties;

    @Test
    void queueSummaryCountsQueuedTicketsPerQueue() {
        String first = unique("summary") + ":2v2";
        String second = unique("summary") + ":eu";
        enqueue(first);
        enqueue(first);
        enqueue(second);

        JsonNode summary = summary();

        assertThat(queueKeys(summary)).contains(first, second);
        assertThat(summary.get("byQueueKey").get(first).get("queuedCount").asLong()).isEqualTo(2);
        assertThat(summary.get("byQueueKey").get(second).get("queuedCount").asLong()).isEqualTo(1);
    }

    @Test
    void queueSummaryDropsQueueOnceItsOnlyTicketIsCancelled() {
        String queue = unique("summary") + ":eu";
        String ticketId = enqueue(queue);
        assertThat(queueKeys(summary())).contains(queue);

        http().post("/v1/matchmaking/cancel", "{\"ticketId\":\"" + ticketId + "\"}");

        JsonNode summary = summary();
        assertThat(queueKeys(summary)).doesNotContain(queue);
        assertThat(summary.get("byQueueKey").has(queue)).isFalse();
    }

    @Test
    void queueSummaryListsQueueKeysSorted() {
        enqueue(unique("zz-summary"));
        enqueue(unique("aa-summary"));

        List<String> queueKeys = queueKeys(summary());

        assertThat(queueKeys).hasSizeGreaterThanOrEqualTo(2).isSorted();
    }

    @Test
    void serversAreListedByServerIdWithTheirOptionalFieldsLeftOutWhenUnset() {
        String later = unique("zz-gs");
        String earlier = unique("aa-gs");
        for (String serverId : List.of(later, earlier)) {
            http().post("/v1/provisioning/servers/register",
                    "{\"serverId\":\"" + serverId + "\",\"host\":\"10.0.0.1\",\"port\":7777,\"landType\":\"arena\"}");
        }

        List<JsonNode> servers = new ArrayList<>();
        http().get("/v1/admin/servers").json().get("servers").forEach(servers::add);

        List<String> ids = servers.stream().map(server -> server.get("serverId").asString()).toList();
        assertThat(ids).contains(earlier, later).isSorted();
        JsonNode plain = servers.get(ids.indexOf(earlier));
        assertThat(plain.has("connectHost")).isFalse();
        assertThat(plain.has("connectPort")).isFalse();
        assertThat(plain.has("connectScheme")).isFalse();
        assertThat(plain.has("region")).isFalse();
        assertThat(plain.has("capacity")).isFalse();
    }

    /** The only instance that ticks is live, so its fair share is every shard: the view names it for all 16. */
    @Test
    void shardViewShowsEveryShardWithItsHolderSinceAndFence() {
        JsonNode view = await().atMost(Duration.ofSeconds(30)).until(() -> http().get("/v1/admin/shards").json(),
                v -> StreamSupport.stream(v.get("shards").spliterator(), false).allMatch(s -> !s.get("holder")
                        .isNull()));

        JsonNode shards = view.get("shards");
        assertThat(shards.size()).isEqualTo(16);
        for (int shard = 0; shard < 16; shard++) {
            JsonNode holding = shards.get(shard);
            assertThat(holding.get("shard").asInt()).isEqualTo(shard);
            assertThat(holding.get("holder").asString()).isEqualTo(properties.nodeId());
            assertThat(Instant.parse(holding.get("since").asString())).isBeforeOrEqualTo(Instant.now());
            assertThat(holding.get("fence").asLong()).isPositive();
        }
        assertThat(view.get("instances").size()).isEqualTo(1);
        JsonNode instance = view.get("instances").get(0);
        assertThat(instance.get("nodeId").asString()).isEqualTo(properties.nodeId());
        assertThat(instance.get("live").asBoolean()).isTrue();
        assertThat(instance.get("shards").asInt()).isEqualTo(16);
    }

    private String enqueue(String queueKey) {
        Response created = http().post("/v1/matchmaking/enqueue", "{\"queueKey\":\"" + queueKey
                + "\",\"members\":[\"" + unique("p") + "\"],\"groupSize\":1}");
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("ticketId").asString();
    }

    private JsonNode summary() {
        Response summary = http().get("/v1/admin/queue/summary");
        assertThat(summary.status()).isEqualTo(200);
        return summary.json();
    }

    private static List<String> queueKeys(JsonNode summary) {
        return StreamSupport.stream(summary.get("queueKeys").spliterator(), false).map(JsonNode::asString).toList();
    }
}
