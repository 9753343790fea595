package dev.matchplane.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's frame ({@code /v3/api-docs}, UI at {@code /swagger-ui.html}): info, the shared
 * {@link Problem} schema and the optional bearer keys. Each feature's {@code *ApiDocs} bean fills in its operations.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // the error controller answers failures of other paths; it is not an endpoint of its own
        SpringDocUtils.getConfig().addHiddenRestControllers(ProblemErrorController.class)
                // bodies read as JSON trees: each *ApiDocs bean describes the real schema, so no JsonNode component
                .replaceWithSchema(tools.jackson.databind.JsonNode.class, ApiDocs.schema("object"));
    }

    private static final String DESCRIPTION = """
            Matchmaking control plane: game clients enqueue tickets and poll their status, game servers register \
            and heartbeat, operators list servers and queues. Every error is RFC 9457 `application/problem+json` \
            with a stable `code`.

            The WebSocket `/realtime` (ticket events and enqueue over a socket) cannot be described in OpenAPI: \
            see `docs/websocket-api.md` and CONTRACT.md §6. Liveness is `GET /health`; readiness and metrics are under \
            `/actuator`.""";

    @Bean
    OpenAPI matchplaneOpenApi() {
        // the jar manifest's version (Spring Boot writes it); running from classes there is none
        String version = OpenApiConfiguration.class.getPackage().getImplementationVersion();
        return new OpenAPI()
                .info(new Info().title("Matchplane").version(version != null ? version : "dev")
                        .description(DESCRIPTION))
                .components(new Components()
                        .addSecuritySchemes(ApiDocs.PROVISIONING_KEY, bearer("provisioning", "PROVISIONING_API_KEY"))
                        .addSecuritySchemes(ApiDocs.ADMIN_KEY, bearer("admin", "ADMIN_API_KEY")));
    }

    /**
     * The shared error schema. Added by a customizer, not in the base document: springdoc drops component schemas
     * nothing references before the customizers run, and only the customizers reference it.
     */
    @Bean
    OpenApiCustomizer problemApiDocs() {
        return api -> api.getComponents().addSchemas(ApiDocs.PROBLEM_SCHEMA, problemSchema())
                .addSchemas("FieldViolation", fieldViolationSchema());
    }

    /** Liveness (CONTRACT §7); readiness and metrics are actuator endpoints, outside this document. */
    @Bean
    OpenApiCustomizer healthApiDocs() {
        return api -> {
            Operation operation = ApiDocs.operation(api, "/health", PathItem.HttpMethod.GET);
            if (operation == null) {
                return;
            }
            operation.summary("Liveness").description("Answers while the process serves HTTP; does not check Redis "
                    + "(readiness is `/actuator/health`).").tags(List.of("Operators"));
            ApiDocs.responses(operation, "200", ApiDocs.json("Alive", ApiDocs.object("Liveness",
                    Map.of("ok", ApiDocs.schema("boolean")), "ok"), Map.of("ok", true)), "/health");
        };
    }

    private static SecurityScheme bearer(String api, String setting) {
        return new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("Optional: required on the " + api + " API only when `" + setting + "` is set; "
                        + "otherwise the calls take no Authorization header.");
    }

    private static Schema<Object> problemSchema() {
        Map<String, Schema<?>> properties = new LinkedHashMap<>();
        properties.put("type", ApiDocs.string(1, 128, "^urn:matchplane:problem:[a-z-]+$",
                "`urn:matchplane:problem:<code in kebab case>`"));
        properties.put("title", ApiDocs.string(1, 128, null, "Short summary of the code"));
        properties.put("status", ApiDocs.integer(400, 599, "The HTTP status"));
        properties.put("detail", ApiDocs.schema("string").description("What went wrong with this request"));
        properties.put("instance", ApiDocs.schema("string").description("The request path"));
        Schema<Object> code = ApiDocs.schema("string").description("Stable machine-readable code");
        code.setEnum(java.util.Arrays.stream(ErrorCode.values()).map(c -> (Object) c.name()).toList());
        properties.put("code", code);
        properties.put("errors", ApiDocs.schema("array").items(ApiDocs.ref("FieldViolation"))
                .description("For VALIDATION_FAILED: every offending field"));
        return ApiDocs.object("RFC 9457 problem details (dev.matchplane.system.Problem)", properties,
                "type", "title", "status", "detail", "code")
                .example(ApiDocs.example(ErrorCode.VALIDATION_FAILED, "/v1/matchmaking/enqueue"));
    }

    private static Schema<Object> fieldViolationSchema() {
        Map<String, Schema<?>> properties = new LinkedHashMap<>();
        properties.put("field", ApiDocs.schema("string").description("The offending field, e.g. `members[1]`"));
        properties.put("message", ApiDocs.schema("string").description("The rule it breaks"));
        return ApiDocs.object("One offending field of a request", properties, "field", "message")
                .example(Map.of("field", "groupSize", "message", "must be an integer"));
    }

}
