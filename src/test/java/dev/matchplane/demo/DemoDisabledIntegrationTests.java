package dev.matchplane.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchplane.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Without {@code matchmaking.demo.enabled} (the default, and the container image) nothing is served at /demo/. */
class DemoDisabledIntegrationTests extends IntegrationTest {

    @Test
    void demoIsNotServedByDefault() {
        assertThat(http().get("/demo/").status()).isEqualTo(404);
        assertThat(http().get("/demo/matchplane-client.js").status()).isEqualTo(404);
        assertThat(http().get("/demo/index.html").status()).isEqualTo(404);
    }
}
