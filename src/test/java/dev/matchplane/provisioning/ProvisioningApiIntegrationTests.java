package dev.matchplane.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.StreamSupport;

import dev.matchplane.support.HttpJson.Response;
import dev.matchplane.support.IntegrationTest;
import dev.matchplane.redis.RedisKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A game server's view of the provisioning API over a real port, checked through the admin listing. */
class ProvisioningApiIntegrationTests extends IntegrationTest {

    private static final String ISO_MILLIS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

    @Autowired
    private RedisKeys keys;

    @Test
    void registerThenAdminListShowsTheServer() {
        String serverId = unique("gs");
        Response registered = register("{\"serverId\":\"" + serverId + "\",\"host\":\"10.0.0.7\",\"port\":7777,"
                + "\"landType\":\"arena\",\"connectHost\":\"play.example\",\"connectPort\":443,"
                + "\"connectScheme\":\"wss\",\"region\":\"eu\",\"capacity\":4,\"build\":\"1.2.3\"}");

        assertThat(registered.status()).isEqualTo(200);
        assertThat(registered.json().get("success").asBoolean()).isTrue();
        JsonNode listed = listed(serverId).orElseThrow();
        assertThat(listed.get("host").asString()).isEqualTo("10.0.0.7");
        assertThat(listed.get("port").isInt()).isTrue();
        assertThat(listed.get("port").asInt()).isEqualTo(7777);
        assertThat(listed.get("landType").asString()).isEqualTo("arena");
        assertThat(listed.get("connectHost").asString()).isEqualTo("play.example");
        assertThat(listed.get("connectPort").asInt()).isEqualTo(443);
        assertThat(listed.get("connectScheme").asString()).isEqualTo("wss");
        assertThat(listed.get("region").asString()).isEqualTo("eu");
        assertThat(listed.get("capacity").asInt()).isEqualTo(4);
        assertThat(listed.get("registeredAt").asString()).matches(ISO_MILLIS);
        assertThat(listed.get("lastSeenAt").asString()).isEqualTo(listed.get("registeredAt").asString());
        assertThat(listed.get("isStale").isBoolean()).isTrue();
        assertThat(listed.get("isStale").asBoolean()).isFalse();
        assertThat(listed.has("build")).isFalse();
    }

    @Test
    void heartbeatKeepsRegisteredAtMovesLastSeenAtAndDropsFieldsLeftOut() {
        String serverId = unique("gs");
        register(body(serverId, "7777").replace("}", ",\"region\":\"eu\"}"));
        // Backdate both times so that the heartbeat's effect shows without waiting for the clock to move.
        redis.opsForHash().put(keys.server(serverId), "registeredAt", "1000");
        redis.opsForHash().put(keys.server(serverId), "lastSeenAt", "1000");

        assertThat(register(body(serverId, "7777")).status()).isEqualTo(200);

        JsonNode listed = listed(serverId).orElseThrow();
        assertThat(listed.get("registeredAt").asString()).isEqualTo("1970-01-01T00:00:01.000Z");
        assertThat(listed.get("lastSeenAt").asString()).matches(ISO_MILLIS).isNotEqualTo("1970-01-01T00:00:01.000Z");
        assertThat(listed.has("region")).isFalse();
    }

    @Test
    void heartbeatWithAnotherLandTypeMovesTheServerBetweenIndexes() {
        String serverId = unique("gs");
        register(body(serverId, "7777"));

        register(body(serverId, "7777").replace("\"arena\"", "\"lobby\""));

        assertThat(redis.opsForZSet().score(keys.serversOfLandType("arena"), serverId)).isNull();
        assertThat(redis.opsForZSet().score(keys.serversOfLandType("lobby"), serverId)).isNotNull();
        assertThat(listed(serverId).orElseThrow().get("landType").asString()).isEqualTo("lobby");
    }

    @Test
    void registerWithoutRequiredFieldsThenEveryOneIsNamed() {
        Response invalid = register("{\"connectHost\":\"play.example\"}");

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(invalid.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(fields(invalid)).containsExactlyInAnyOrder("serverId", "host", "port", "landType");
    }

    @Test
    void registerWithTypeErrorsAndRuleBreaksThenEveryOneIsNamedAndUnknownFieldsAreIgnored() {
        Response invalid = register("{\"serverId\":\"" + unique("gs") + "\",\"host\":\"\",\"port\":\"x\","
                + "\"landType\":\"arena\",\"capacity\":1.5,\"connectScheme\":\"http\",\"build\":\"1.2.3\"}");

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(fields(invalid)).containsExactly("host", "port", "connectScheme", "capacity");
    }

    @Test
    void registerWithPortAsStringThenValidationFailed() {
        assertInvalid(body(unique("gs"), "\"7777\""), "port");
    }

    @Test
    void registerWithPortOutOfRangeThenValidationFailed() {
        assertInvalid(body(unique("gs"), "0"), "port");
        assertInvalid(body(unique("gs"), "70000"), "port");
        assertInvalid(body(unique("gs"), "7777.5"), "port");
    }

    @Test
    void registerWithBadOptionalFieldsThenEachIsNamed() {
        assertInvalid(body(unique("gs"), "7777").replace("}", ",\"connectScheme\":\"http\"}"), "connectScheme");
        assertInvalid(body(unique("gs"), "7777").replace("}", ",\"connectPort\":\"443\"}"), "connectPort");
        assertInvalid(body(unique("gs"), "7777").replace("}", ",\"connectPort\":65536}"), "connectPort");
        assertInvalid(body(unique("gs"), "7777").replace("}", ",\"capacity\":0}"), "capacity");
        assertInvalid(body("bad id/" + unique("gs"), "7777"), "serverId");
        assertInvalid(body(unique("gs"), "7777").replace("\"arena\"", "\"are na\""), "landType");
    }

    @Test
    void invalidRegistrationStoresNothing() {
        String serverId = unique("gs");
        register(body(serverId, "\"7777\""));

        assertThat(redis.hasKey(keys.server(serverId))).isFalse();
        assertThat(listed(serverId)).isEmpty();
    }

    @Test
    void deleteKnownServerThenItIsGone() {
        String serverId = unique("gs");
        register(body(serverId, "7777"));

        Response deleted = http().delete("/v1/provisioning/servers/" + serverId);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("success").asBoolean()).isTrue();
        assertThat(listed(serverId)).isEmpty();
        assertThat(redis.opsForZSet().score(keys.serversOfLandType("arena"), serverId)).isNull();
    }

    @Test
    void deleteUnknownServerThenStillSuccess() {
        Response deleted = http().delete("/v1/provisioning/servers/" + unique("never-registered"));

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("success").asBoolean()).isTrue();
    }

    private void assertInvalid(String body, String field) {
        Response invalid = register(body);
        assertThat(invalid.status()).as(body).isEqualTo(400);
        assertThat(invalid.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(fields(invalid)).as(body).containsExactly(field);
    }

    private static String body(String serverId, String port) {
        return "{\"serverId\":\"" + serverId + "\",\"host\":\"10.0.0.1\",\"port\":" + port
                + ",\"landType\":\"arena\"}";
    }

    private Response register(String body) {
        return http().post("/v1/provisioning/servers/register", body);
    }

    private Optional<JsonNode> listed(String serverId) {
        Response list = http().get("/v1/admin/servers");
        assertThat(list.status()).isEqualTo(200);
        return StreamSupport.stream(list.json().get("servers").spliterator(), false)
                .filter(server -> server.get("serverId").asString().equals(serverId)).findFirst();
    }

    private static java.util.List<String> fields(Response problem) {
        return StreamSupport.stream(problem.json().get("errors").spliterator(), false)
                .map(error -> error.get("field").asString()).toList();
    }
}
