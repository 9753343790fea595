package dev.matchplane.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchplane.support.HttpJson;
import dev.matchplane.support.HttpJson.Response;
import dev.matchplane.support.IntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Invariant: {@code /actuator/health} gives its status to anyone and its components (Redis, disk paths) only to a
 * request carrying the admin key; the probes answer without any key. Without an admin key configured, nobody sees
 * details.
 */
class HealthDetailsIntegrationTests {

    private static final String KEY = "health-admin-key";

    private static Response get(HttpJson http, String path, String authorization) {
        return http.send(http.request(path).header("Authorization", authorization).GET());
    }

    private static void assertStatusOnly(Response health) {
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().at("/status").asString()).isEqualTo("UP");
        assertThat(health.json().has("components")).isFalse();
        assertThat(health.body()).doesNotContain("diskSpace", "redis", "path");
    }

    @Nested
    @TestPropertySource(properties = "admin.api-key=" + KEY)
    class WithAnAdminKey extends IntegrationTest {

        @Test
        void anonymousCallersAndWrongKeysSeeTheStatusOnly() {
            assertStatusOnly(http().get("/actuator/health"));
            assertStatusOnly(get(http(), "/actuator/health", "Bearer not-the-key"));
            assertStatusOnly(get(http(), "/actuator/health", "Basic " + KEY));
        }

        @Test
        void theAdminKeySeesTheComponents() {
            Response health = get(http(), "/actuator/health", "Bearer " + KEY);
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().at("/components/redis/status").asString()).isEqualTo("UP");
            assertThat(health.json().at("/components/diskSpace/details/path").isMissingNode()).isFalse();
        }

        @Test
        void probesAnswerWithoutAKey() {
            for (String probe : new String[] { "/actuator/health/liveness", "/actuator/health/readiness" }) {
                Response response = http().get(probe);
                assertThat(response.status()).as(probe).isEqualTo(200);
                assertThat(response.json().at("/status").asString()).as(probe).isEqualTo("UP");
            }
            assertThat(http().get("/health").status()).isEqualTo(200);
        }
    }

    @Nested
    @TestPropertySource(properties = "admin.api-key=")
    class WithoutAnAdminKey extends IntegrationTest {

        @Test
        void nobodySeesTheDetails() {
            assertStatusOnly(http().get("/actuator/health"));
            assertStatusOnly(get(http(), "/actuator/health", "Bearer "));
            assertStatusOnly(get(http(), "/actuator/health", "Bearer anything"));
        }
    }
}
