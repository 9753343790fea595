package dev.matchplane.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import dev.matchplane.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With no admin key the console opens at once, as the admin API does; its forms still need the CSRF token. */
@TestPropertySource(properties = "admin.api-key=")
class ConsoleWithoutKeyIntegrationTests extends IntegrationTest {

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

    @Test
    void postWithoutCsrfTokenIsStillRefused() {
        ConsoleClient browser = new ConsoleClient(port, "203.0.113.8");
        assertThat(browser.postForm("/console/logout", Map.of()).statusCode()).isEqualTo(403);
    }
}
