package dev.matchplane.console;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import dev.matchplane.support.HttpJson;
import dev.matchplane.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * matchmaking.console.enabled=false: no console pages, no login, no recent-matches list written; the APIs answer as
 * before.
 */
@TestPropertySource(properties = { "matchmaking.console.enabled=false", "admin.api-key=some-key",
        "matchmaking.min-wait=0ms", "matchmaking.interval=50ms" })
class ConsoleDisabledIntegrationTests extends IntegrationTest {

    @Test
    void consolePathsAre404() {
        ConsoleClient browser = new ConsoleClient(port, "203.0.113.9");
        for (String page : new String[] { "/console/", "/console/login", "/console/servers", "/console/matches",
                "/console" }) {
            assertThat(browser.get(page).statusCode()).as(page).isEqualTo(404);
        }
        assertThat(http().get("/health").status()).isEqualTo(200);
    }

    @Test
    void matchesCommitWithoutARecentMatchesList() {
        String landType = unique("off");
        assertThat(http().post("/v1/provisioning/servers/register", "{\"serverId\":\"gs-" + landType
                + "\",\"host\":\"10.0.0.5\",\"port\":7777,\"landType\":\"" + landType + "\"}").status())
                .isEqualTo(200);
        String ticketId = null;
        for (int i = 0; i < 2; i++) {
            HttpJson.Response enqueued = http().post("/v1/matchmaking/enqueue", "{\"queueKey\":\"" + landType
                    + ":2\",\"members\":[\"" + unique("p") + "\"],\"groupSize\":1}");
            assertThat(enqueued.status()).isEqualTo(201);
            ticketId = enqueued.json().get("ticketId").asString();
        }
        String last = ticketId;
        await().atMost(Duration.ofSeconds(10)).until(() -> "assigned"
                .equals(http().get("/v1/matchmaking/status/" + last).json().get("status").asString()));

        assertThat(redis.hasKey(keys.recentMatches())).as("nobody reads it with the console off").isFalse();
    }
}
