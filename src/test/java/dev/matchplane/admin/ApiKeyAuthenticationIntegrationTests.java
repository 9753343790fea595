package dev.matchplane.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;

import dev.matchplane.support.HttpJson.Response;
import dev.matchplane.support.IntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * With both API keys set, provisioning and admin calls need their own bearer key (docs/rest-api.md); the client API
 * stays open. Without keys (every other test class) the same calls succeed with no header at all.
 */
@TestPropertySource(properties = { "provisioning.api-key=prov-secret-1", "admin.api-key=admin-secret-2" })
class ApiKeyAuthenticationIntegrationTests extends IntegrationTest {

    private static final String PROVISIONING_KEY = "prov-secret-1";
    private static final String ADMIN_KEY = "admin-secret-2";

    @Test
    void registerWithoutHeaderThenUnauthorized() {
        assertUnauthorized(register(unique("gs"), null));
    }

    @Test
    void registerWithWrongKeyThenUnauthorized() {
        assertUnauthorized(register(unique("gs"), "Bearer " + ADMIN_KEY));
        assertUnauthorized(register(unique("gs"), "Bearer prov-secret-"));
        assertUnauthorized(register(unique("gs"), "Basic " + PROVISIONING_KEY));
        assertUnauthorized(register(unique("gs"), PROVISIONING_KEY));
    }

    @Test
    void unauthorizedRegistrationStoresNothing() {
        String serverId = unique("gs");
        register(serverId, null);

        assertThat(send(http().request("/v1/admin/servers").GET(), "Bearer " + ADMIN_KEY).body())
                .doesNotContain(serverId);
    }

    @Test
    void registerAndDeleteWithTheKeyThenSuccess() {
        String serverId = unique("gs");
        assertThat(register(serverId, "Bearer " + PROVISIONING_KEY).status()).isEqualTo(200);
        assertThat(register(serverId, "bearer " + PROVISIONING_KEY).status()).isEqualTo(200);

        assertUnauthorized(send(http().request("/v1/provisioning/servers/" + serverId).DELETE(), null));
        Response deleted = send(http().request("/v1/provisioning/servers/" + serverId).DELETE(),
                "Bearer " + PROVISIONING_KEY);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("success").asBoolean()).isTrue();
    }

    @Test
    void authenticationComesBeforeValidation() {
        Response unauthorized = send(http().request("/v1/provisioning/servers/register")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")), null);

        assertUnauthorized(unauthorized);
    }

    @Test
    void adminCallsNeedTheAdminKey() {
        for (String path : new String[] { "/v1/admin/servers", "/v1/admin/queue/summary", "/v1/admin/rulesets",
                "/v1/admin/shards" }) {
            assertUnauthorized(send(http().request(path).GET(), null));
            assertUnauthorized(send(http().request(path).GET(), "Bearer " + PROVISIONING_KEY));
            Response allowed = send(http().request(path).GET(), "Bearer " + ADMIN_KEY);
            assertThat(allowed.status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void aRuleSetChangeNeedsTheAdminKey() {
        String body = "{\"queues\":[\"" + unique("keyed") + ":*\"],\"teams\":[{\"name\":\"a\",\"players\":1}]}";
        assertUnauthorized(send(http().request("/v1/admin/rulesets/keyed").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)), null));
        assertUnauthorized(send(http().request("/v1/admin/rulesets/keyed").DELETE(), "Bearer " + PROVISIONING_KEY));
        assertThat(send(http().request("/v1/admin/rulesets/keyed").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)), "Bearer " + ADMIN_KEY).status()).isEqualTo(200);
    }

    @Test
    void clientApiNeedsNoKey() {
        Response created = http().post("/v1/matchmaking/enqueue", "{\"queueKey\":\"" + unique("open")
                + "\",\"members\":[\"" + unique("p") + "\"],\"groupSize\":1}");

        assertThat(created.status()).isEqualTo(201);
    }

    private Response register(String serverId, @Nullable String authorization) {
        return send(http().request("/v1/provisioning/servers/register").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"serverId\":\"" + serverId
                        + "\",\"host\":\"10.0.0.1\",\"port\":7777,\"landType\":\"arena\"}")),
                authorization);
    }

    private Response send(HttpRequest.Builder request, @Nullable String authorization) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http().send(request);
    }

    private static void assertUnauthorized(Response response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("UNAUTHORIZED");
        assertThat(response.body()).doesNotContain(PROVISIONING_KEY).doesNotContain(ADMIN_KEY);
    }
}
