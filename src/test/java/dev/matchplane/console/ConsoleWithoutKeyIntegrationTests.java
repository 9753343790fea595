package dev.matchplane.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import dev.matchplane.matching.MatchmakingProperties;
import dev.matchplane.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** With no admin key the console opens at once, as the admin API does; its forms still need the CSRF token. */
@TestPropertySource(properties = "admin.api-key=")
class ConsoleWithoutKeyIntegrationTests extends IntegrationTest {

    @Autowired
    MatchmakingProperties properties;

    @Test
    void pagesOpenDirectlyWithoutALoginOrLogoutButton() {
        ConsoleClient browser = new ConsoleClient(port, "203.0.113.7");
        for (String page : new String[] { "/console/", "/console/servers", "/console/matching",
                "/console/rule-sets" }) {
            HttpResponse<String> answer = browser.get(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(200);
            assertThat(answer.body()).as(page).contains("Matchplane").doesNotContain("Log out");
        }
        assertThat(browser.get("/console/").body()).contains("Rule sets");
        assertThat(browser.get("/console/login").statusCode()).isEqualTo(302);
        assertThat(browser.get("/console").headers().firstValue("Location").orElseThrow()).endsWith("/console/");
    }

    /** The matching page reads the same shard view as the admin API: the only instance holds all 16. */
    @Test
    void matchingPageShowsEveryShardAndItsHolder() {
        ConsoleClient browser = new ConsoleClient(port, "203.0.113.9");
        String page = await().atMost(Duration.ofSeconds(30))
                .until(() -> browser.get("/console/matching/live").body(), body -> body.contains("16 / 16"));

        assertThat(page).contains("16 by this instance");
        assertThat(page.split("<tr class=\"good\"", -1)).as("a row per shard and one for the instance")
                .hasSize(16 + 1 + 1);
        assertThat(page).contains(properties.nodeId()).doesNotContain("nobody");
    }

    @Test
    void postWithoutCsrfTokenIsStillRefused() {
        ConsoleClient browser = new ConsoleClient(port, "203.0.113.8");
        assertThat(browser.postForm("/console/logout", Map.of()).statusCode()).isEqualTo(403);
    }
}
