package dev.matchplane.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchplane.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** matchmaking.console.enabled=false: no console pages, no login; the APIs answer as before. */
@TestPropertySource(properties = { "matchmaking.console.enabled=false", "admin.api-key=some-key" })
class ConsoleDisabledIntegrationTests extends IntegrationTest {

    @Test
    void consolePathsAre404() {
        ConsoleClient browser = new ConsoleClient(port, "203.0.113.9");
        for (String page : new String[] { "/console/", "/console/login", "/console/servers", "/console" }) {
            assertThat(browser.get(page).statusCode()).as(page).isEqualTo(404);
        }
        assertThat(http().get("/health").status()).isEqualTo(200);
    }
}
