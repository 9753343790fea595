package dev.matchplane.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.matchplane.support.HttpJson.Response;
import dev.matchplane.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The metrics the operator dashboard (ops/grafana/matchplane.json) reads beyond the per-feature ones, as Prometheus
 * scrapes them from /actuator/prometheus: per-queue oldest wait and max wait, Redis reachability, tokens signed,
 * and dropped socket sends.
 */
@TestPropertySource(properties = { "matchmaking.interval=50ms", "matchmaking.min-wait=0ms",
        "matchmaking.metrics-refresh=100ms", "matchmaking.queues[0].pattern=shortwait*",
        "matchmaking.queues[0].max-wait=90s" })
class OperatorMetricsIntegrationTests extends IntegrationTest {

    private static final Duration SOON = Duration.ofSeconds(10);

    @Test
    void queueGaugesShowTheOldestWaitAndTheQueuesMaxWaitWhileATicketWaits() {
        String queue = unique("shortwait") + ":8";
        long enqueuedAt = System.currentTimeMillis();
        enqueue(queue, unique("p"));

        // The gauge is refreshed every 100 ms; wait until it shows at least 0.5 s of waiting.
        double oldest = await().atMost(SOON).until(() -> gauge("matchplane_queue_oldest_wait_seconds", queue), v -> v >= 0.5);
        assertThat(oldest).isBetween(0.5, (System.currentTimeMillis() - enqueuedAt) / 1000.0 + 0.2);
        assertThat(gauge("matchplane_queue_max_wait_seconds", queue)).isEqualTo(90.0);
        assertThat(gauge("matchplane_queue_depth", queue)).isEqualTo(1.0);
        assertThat(scrape()).contains("matchplane_redis_up 1.0");
    }

    @Test
    void everyAssignedPlayerCountsOneSignedTokenAndDropCountersExistBeforeAnyDrop() {
        double signedBefore = value(scrape(), "matchplane_tokens_signed_total");
        String landType = unique("signed");
        assertThat(http().post("/v1/provisioning/servers/register", "{\"serverId\":\"gs-" + landType
                + "\",\"host\":\"10.0.0.1\",\"port\":7000,\"landType\":\"" + landType + "\"}").status())
                .isEqualTo(200);
        enqueue(landType + ":2", unique("a"));
        enqueue(landType + ":2", unique("b"));

        double signed = await().atMost(SOON).until(() -> value(scrape(), "matchplane_tokens_signed_total"),
                v -> v >= signedBefore + 2);
        assertThat(signed).isGreaterThanOrEqualTo(signedBefore + 2);
        assertThat(scrape()).contains("matchplane_realtime_sends_dropped_total{reason=\"closed\"}",
                "matchplane_realtime_sends_dropped_total{reason=\"slow\"}",
                "matchplane_realtime_sends_dropped_total{reason=\"failed\"}");
    }

    private void enqueue(String queueKey, String player) {
        Response response = http().post("/v1/matchmaking/enqueue",
                "{\"queueKey\":\"" + queueKey + "\",\"members\":[\"" + player + "\"],\"groupSize\":1}");
        assertThat(response.status()).isEqualTo(201);
    }

    private String scrape() {
        Response response = http().get("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    /** The value of {@code name{queue="<queue>"}}, or -1 while the series is absent. */
    private double gauge(String name, String queue) {
        return value(scrape(), name + "{queue=\"" + queue + "\"}");
    }

    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }
}
