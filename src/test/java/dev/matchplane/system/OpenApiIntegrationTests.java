package dev.matchplane.system;

import dev.matchplane.web.Problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.matchplane.support.HttpJson;
import dev.matchplane.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document describes every REST endpoint of the contract, and the Swagger UI answers. */
class OpenApiIntegrationTests extends IntegrationTest {

    private static final Map<String, String> ENDPOINTS = Map.of(
            "/v1/matchmaking/enqueue", "post", "/v1/matchmaking/cancel", "post",
            "/v1/matchmaking/status/{ticketId}", "get", "/v1/provisioning/servers/register", "post",
            "/v1/provisioning/servers/{serverId}", "delete", "/v1/admin/servers", "get",
            "/v1/admin/queue/summary", "get", "/.well-known/jwks.json", "get", "/health", "get");

    /** Problem answers carry one example per code; other bodies' examples come from their records' fields. */
    @Test
    void everyContractPathAndMethodIsDocumentedWithAnExampleForEachBody() {
        JsonNode doc = apiDocs();
        ENDPOINTS.forEach((path, method) -> {
            JsonNode operation = doc.path("paths").path(path).path(method);
            assertThat(operation.isObject()).as(method + " " + path).isTrue();
            operation.path("responses").properties().forEach(response -> response.getValue().path("content")
                    .properties().forEach(media -> assertThat(hasExample(doc, media.getValue()))
                            .as(method + " " + path + " " + response.getKey()).isTrue()));
        });
        assertThat(doc.path("paths").has("/error")).isFalse();
    }

    @Test
    void enqueueRequestSchemaCarriesTheFieldRules() {
        JsonNode doc = apiDocs();
        JsonNode body = doc.path("paths").path("/v1/matchmaking/enqueue").path("post").path("requestBody")
                .path("content").path("application/json");
        assertThat(hasExample(doc, body)).isTrue();
        JsonNode schema = resolve(doc, body.path("schema"));
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asString()));
        assertThat(required).containsExactlyInAnyOrder("queueKey", "members", "groupSize");
        JsonNode queueKey = schema.path("properties").path("queueKey");
        assertThat(queueKey.path("maxLength").asInt()).isEqualTo(128);
        assertThat(queueKey.path("pattern").asString()).isEqualTo("^[A-Za-z0-9._:-]+$");
        JsonNode members = schema.path("properties").path("members");
        assertThat(members.path("maxItems").asInt()).as("matchmaking.max-party-size").isEqualTo(16);
        assertThat(members.path("uniqueItems").asBoolean()).isTrue();
        assertThat(members.path("items").path("maxLength").asInt()).isEqualTo(64);
        assertThat(members.path("items").path("pattern").asString()).isEqualTo("^[A-Za-z0-9._:@-]+$");
        assertThat(schema.path("properties").path("groupSize").path("minimum").asInt()).isEqualTo(1);
        assertThat(schema.path("additionalProperties").asBoolean(true)).as("unknown fields refused").isFalse();
    }

    @Test
    void enqueueDocumentsItsSuccessAndEveryErrorAsProblemJson() {
        JsonNode doc = apiDocs();
        JsonNode responses = doc.path("paths").path("/v1/matchmaking/enqueue").path("post").path("responses");
        assertThat(responses.path("201").path("content").has("application/json")).isTrue();
        for (String status : List.of("400", "409", "413", "415", "422", "503")) {
            JsonNode problem = responses.path(status).path("content").path("application/problem+json");
            assertThat(problem.path("schema").path("$ref").asString()).as(status)
                    .isEqualTo("#/components/schemas/Problem");
            assertThat(problem.path("examples").isObject()).as(status).isTrue();
        }
        assertThat(responses.path("400").path("content").path("application/problem+json").path("examples")
                .has("VALIDATION_FAILED")).isTrue();
        JsonNode problemSchema = doc.path("components").path("schemas").path("Problem");
        assertThat(problemSchema.path("properties").has("code")).isTrue();
        assertThat(problemSchema.path("properties").has("errors")).isTrue();
    }

    @Test
    void provisioningAndAdminKeysAreDocumentedAsOptional() {
        JsonNode doc = apiDocs();
        JsonNode security = doc.path("paths").path("/v1/admin/servers").path("get").path("security");
        assertThat(security.size()).isEqualTo(2);
        assertThat(security.get(0).isEmpty()).isTrue();
        assertThat(security.get(1).has("adminKey")).isTrue();
        assertThat(doc.path("components").path("securitySchemes").path("provisioningKey").path("scheme")
                .asString()).isEqualTo("bearer");
    }

    @Test
    void swaggerUiAnswers() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> ui = client.send(http().request("/swagger-ui.html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).containsIgnoringCase("swagger-ui");
    }

    @Test
    void yamlVariantAnswers() {
        HttpJson.Response yaml = http().get("/v3/api-docs.yaml");
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.body()).contains("/v1/matchmaking/enqueue:");
    }

    /** springdoc brings Jackson 2 along; our Jackson 3 mapper (which refuses duplicate keys) must still read bodies. */
    @Test
    void springMvcStillReadsBodiesWithOurJsonMapper() {
        HttpJson.Response response = http().post("/v1/matchmaking/enqueue", "{\"queueKey\":\"q\",\"queueKey\":\"r\","
                + "\"members\":[\"" + unique("p") + "\"],\"groupSize\":1}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("MALFORMED_JSON");
    }

    private JsonNode apiDocs() {
        HttpJson.Response response = http().get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        return response.json();
    }

    private static boolean hasExample(JsonNode doc, JsonNode media) {
        if (media.has("example") || media.has("examples")) {
            return true;
        }
        return schemaHasExample(doc, media.path("schema"));
    }

    /** An example on the schema or on one of its fields, looking into referenced and item schemas. */
    private static boolean schemaHasExample(JsonNode doc, JsonNode schema) {
        JsonNode resolved = resolve(doc, schema);
        return resolved.has("example") || resolved.has("items") && schemaHasExample(doc, resolved.path("items"))
                || resolved.path("properties").valueStream().anyMatch(p -> schemaHasExample(doc, p));
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        return ref.isEmpty() ? schema
                : doc.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }
}
