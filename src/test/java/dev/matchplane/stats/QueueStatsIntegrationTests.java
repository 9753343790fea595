package dev.matchplane.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.matchplane.support.HttpJson.Response;
import dev.matchplane.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Queue statistics over HTTP with the scheduled tick: the counts match what the test did, the estimate is null
 * without history and honest on a steady load, and the figures reach Prometheus.
 */
@TestPropertySource(properties = { "matchmaking.interval=50ms", "matchmaking.min-wait=0ms",
        "matchmaking.metrics-refresh=200ms", "matchmaking.queues[0].pattern=steady*",
        "matchmaking.queues[0].min-wait=500ms" })
class QueueStatsIntegrationTests extends IntegrationTest {

    @Test
    void unknownQueueAnswersZerosAndANullEstimateCacheableForOneSecond() throws Exception {
        String queue = unique("nobody");
        HttpResponse<String> response = HttpClient.newHttpClient().send(http().request(
                "/v1/matchmaking/queues/" + queue + "/stats").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("max-age=1");
        JsonNode stats = dev.matchplane.support.HttpJson.parse(response.body());
        assertThat(stats.get("queueKey").asString()).isEqualTo(queue);
        assertThat(stats.get("waiting").asLong()).isZero();
        assertThat(stats.get("oldestWaitMs").asLong()).isZero();
        assertThat(stats.get("matchesLastMinute").asLong()).isZero();
        assertThat(stats.get("timeToMatchMs").get("p50").asLong()).isZero();
        assertThat(stats.get("timeToMatchMs").get("p90").asLong()).isZero();
        assertThat(stats.get("estimatedWaitMs").isNull()).isTrue();
    }

    @Test
    void countsMatchWhatTheTestDidAndTheEstimateAppearsWithHistory() {
        String landType = unique("counted");
        String queue = landType + ":1";
        Response first = enqueue(queue);
        assertThat(first.json().has("estimatedWaitMs")).isTrue();
        assertThat(first.json().get("estimatedWaitMs").isNull()).as("no history: no made-up number").isTrue();
        enqueue(queue);
        enqueue(queue);
        JsonNode waiting = stats(queue);
        assertThat(waiting.get("waiting").asLong()).isEqualTo(3);
        assertThat(waiting.get("matchesLastMinute").asLong()).isZero();

        register(landType);

        JsonNode matched = await().atMost(Duration.ofSeconds(10)).until(() -> stats(queue),
                s -> s.get("matchesLastMinute").asLong() == 3);
        assertThat(matched.get("waiting").asLong()).isZero();
        assertThat(matched.get("oldestWaitMs").asLong()).isZero();
        assertThat(matched.get("timeToMatchMs").get("p50").asLong()).isPositive();
        assertThat(matched.get("timeToMatchMs").get("p90").asLong())
                .isGreaterThanOrEqualTo(matched.get("timeToMatchMs").get("p50").asLong());
        assertThat(matched.get("estimatedWaitMs").isNull()).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> !enqueue(queue).json().get("estimatedWaitMs").isNull());
        // rows are re-registered every refresh (200 ms here), so one scrape may fall between two: wait for one
        // that shows all three figures
        await().atMost(Duration.ofSeconds(5)).until(() -> http().get("/actuator/prometheus").body(), metrics ->
                metrics.contains("matchplane_queue_matches_last_minute{queue=\"" + queue + "\"}")
                        && metrics.contains("matchplane_queue_time_to_match_recent_seconds{quantile=\"0.5\",queue=\""
                                + queue + "\"}")
                        && metrics.contains("matchplane_queue_estimated_wait_seconds{queue=\"" + queue + "\"}"));
    }

    /** Pairs arriving steadily in a 2-player queue whose tickets wait at least 500 ms. */
    @Test
    void estimateGivenAtEnqueueIsWithinAFactorOfTwoOfTheWaitThatFollowsOnASteadyLoad() {
        String landType = unique("steady");
        String queue = landType + ":2";
        register(landType);
        List<String> tickets = Collections.synchronizedList(new ArrayList<>());
        List<Long> estimates = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService arrivals = Executors.newSingleThreadScheduledExecutor();
        try {
            // one pair every 200 ms: the synthetic load's arrival rate
            arrivals.scheduleAtFixedRate(() -> {
                for (int p = 0; p < 2 && tickets.size() < 60; p++) {
                    JsonNode reply = enqueue(queue).json();
                    estimates.add(reply.get("estimatedWaitMs").isNull() ? null
                            : reply.get("estimatedWaitMs").asLong());
                    tickets.add(reply.get("ticketId").asString());
                }
            }, 0, 200, TimeUnit.MILLISECONDS);
            await().atMost(Duration.ofSeconds(30)).until(() -> tickets.size() >= 60);
        }
        finally {
            arrivals.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> tickets.stream().allMatch(id -> "assigned".equals(
                String.valueOf(redis.opsForHash().get(keys.ticket(id), "status")))));
        assertThat(estimates.get(0)).as("the first ticket has no history to go by").isNull();
        List<Long> laterEstimates = new ArrayList<>();
        List<Long> laterWaits = new ArrayList<>();
        for (int i = tickets.size() / 2; i < tickets.size(); i++) {
            laterEstimates.add(estimates.get(i));
            laterWaits.add(waited(tickets.get(i)));
        }
        assertThat(laterEstimates).doesNotContainNull();
        long estimate = median(laterEstimates);
        long actual = median(laterWaits);
        assertThat(actual).isGreaterThanOrEqualTo(500);
        assertThat(estimate).as("median estimate vs median wait %s ms", actual)
                .isBetween(actual / 2, actual * 2);
    }

    private long waited(String ticketId) {
        return Long.parseLong(String.valueOf(redis.opsForHash().get(keys.ticket(ticketId), "updatedAt")))
                - Long.parseLong(String.valueOf(redis.opsForHash().get(keys.ticket(ticketId), "createdAt")));
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private JsonNode stats(String queue) {
        Response response = http().get("/v1/matchmaking/queues/" + queue + "/stats");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private void register(String landType) {
        assertThat(http().post("/v1/provisioning/servers/register", "{\"serverId\":\"gs-" + landType
                + "\",\"host\":\"10.0.0.9\",\"port\":7777,\"landType\":\"" + landType + "\"}").status())
                .isEqualTo(200);
    }

    private Response enqueue(String queue) {
        Response response = http().post("/v1/matchmaking/enqueue", "{\"queueKey\":\"" + queue + "\",\"members\":[\""
                + unique("p") + "\"],\"groupSize\":1}");
        assertThat(response.status()).isEqualTo(201);
        return response;
    }
}
