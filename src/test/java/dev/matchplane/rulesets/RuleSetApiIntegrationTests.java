package dev.matchplane.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.matchplane.support.HttpJson.Response;
import dev.matchplane.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The admin rule-set API over HTTP: create, replace, list, delete, and every refusal with its field. */
@TestPropertySource(properties = "matchmaking.rulesets.configured={\"queues\":[\"configured:*\"],"
        + "\"teams\":[{\"name\":\"all\",\"players\":2}]}")
class RuleSetApiIntegrationTests extends IntegrationTest {

    static final String VALID = "{\"queues\":[\"%s:*\"],"
            + "\"attributes\":{\"skill\":{\"type\":\"number\",\"default\":1500},\"mode\":{\"type\":\"string\"}},"
            + "\"teams\":[{\"name\":\"red\",\"players\":5},{\"name\":\"blue\",\"players\":5}],"
            + "\"rules\":[{\"name\":\"close-skill\",\"type\":\"distance\",\"attribute\":\"skill\",\"max\":100}],"
            + "\"expansions\":[{\"target\":\"rules[close-skill].max\",\"steps\":[{\"afterMs\":10000,\"value\":200}]}]}";

    RuleSetHttp api() {
        return new RuleSetHttp(http());
    }

    @Test
    void createReplaceListAndDelete() {
        String name = unique("ranked");
        JsonNode created = api().putOk(name, VALID.formatted(name));
        assertThat(created.get("name").asString()).isEqualTo(name);
        assertThat(created.at("/teams/0/name").asString()).isEqualTo("red");
        assertThat(created.at("/attributes/skill/default").asInt()).isEqualTo(1500);
        assertThat(created.at("/teams/0").has("quantity")).as("unset fields are left out").isFalse();
        assertThat(created.at("/rules/0").has("min")).isFalse();
        long first = created.get("version").asLong();

        JsonNode replaced = api().putOk(name, VALID.formatted(name).replace("\"max\":100", "\"max\":150"));
        assertThat(replaced.get("version").asLong()).as("a change gets a greater version").isGreaterThan(first);
        assertThat(replaced.at("/rules/0/max").asDouble()).isEqualTo(150.0);

        JsonNode one = api().get("/v1/admin/rulesets/" + name).json();
        assertThat(one.get("version").asLong()).isEqualTo(replaced.get("version").asLong());
        assertThat(one.at("/rules/0/max").asDouble()).isEqualTo(150.0);
        JsonNode list = api().get("/v1/admin/rulesets").json();
        assertThat(list.get("rulesets").valueStream().map(s -> s.get("name").asString()).toList())
                .contains(name, "configured");

        Response deleted = api().delete(name);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(api().get("/v1/admin/rulesets/" + name).code()).isEqualTo("RULESET_NOT_FOUND");
        Response again = api().delete(name);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.code()).isEqualTo("RULESET_NOT_FOUND");
    }

    @Test
    void aConfiguredRuleSetIsLoadedAtStartAndShown() {
        JsonNode configured = api().get("/v1/admin/rulesets/configured").json();
        assertThat(configured.get("queues").get(0).asString()).isEqualTo("configured:*");
        assertThat(configured.get("version").asLong()).isPositive();
    }

    @Test
    void everyInvalidSetIsRefusedWithThePointerOfItsField() {
        String name = unique("bad");
        String base = VALID.formatted(name);
        assertInvalid(name, base.replace("\"type\":\"distance\"", "\"type\":\"nearby\""), "/rules/0/type");
        assertInvalid(name, base.replace("\"attribute\":\"skill\",\"max\"", "\"attribute\":\"elo\",\"max\""),
                "/rules/0/attribute");
        assertInvalid(name, base.replace("\"max\":100", "\"max\":-1"), "/rules/0/max");
        assertInvalid(name, base.replace("rules[close-skill].max", "rules[nope].max"), "/expansions/0/target");
        assertInvalid(name, base.replace("{\"name\":\"red\",\"players\":5}", "{\"name\":\"red\",\"players\":500}"),
                "/teams/0/players");
        assertInvalid(name, base.replaceAll("\"teams\":\\[.*?]]?,\"rules\"", "\"teams\":[],\"rules\""), "/teams");
        assertInvalid(name, base.replace("[{\"afterMs\":10000,\"value\":200}]",
                "[{\"afterMs\":10000,\"value\":200},{\"afterMs\":5000,\"value\":300}]"),
                "/expansions/0/steps/1/afterMs");
        assertInvalid(name, base.replace("\"queues\"", "\"queuez\""), "/queuez");
        assertThat(api().get("/v1/admin/rulesets/" + name).status()).as("nothing was stored").isEqualTo(404);
    }

    private void assertInvalid(String name, String body, String pointer) {
        Response response = api().put(name, body);
        assertThat(response.status()).as(body).isEqualTo(422);
        assertThat(response.code()).isEqualTo("INVALID_RULESET");
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .as(body).contains(pointer);
    }

    @Test
    void aValueOfTheWrongTypeIsAValidationFailure() {
        String name = unique("typed");
        Response response = api().put(name, VALID.formatted(name).replace("\"max\":100", "\"max\":\"far\""));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("/rules/0/max");
        Response quoted = api().put(name, VALID.formatted(name).replace("\"max\":100", "\"max\":\"100\""));
        assertThat(quoted.code()).as("a number in a string is not coerced").isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void aNameOutsideTheSafeCharactersIsRefused() {
        for (String name : List.of("a%20b", "x".repeat(65), "semi%3Bcolon")) {
            Response response = api().put(name, VALID.formatted("named"));
            assertThat(response.status()).as(name).isEqualTo(400);
            assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        }
    }
}
