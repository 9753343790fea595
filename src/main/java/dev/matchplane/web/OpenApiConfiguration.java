package dev.matchplane.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * The OpenAPI document ({@code /v3/api-docs}, UI at {@code /swagger-ui.html}). Schemas come from the request and
 * response records and their annotations; this adds the frame (info, optional bearer keys) and, per operation, the
 * problem+json answers its {@link ProblemCodes} name.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final List<ErrorCode> ALWAYS = List.of(ErrorCode.MALFORMED_REQUEST, ErrorCode.NOT_ACCEPTABLE,
            ErrorCode.INTERNAL_ERROR);

    static {
        // the error controller answers failures of other paths; it is not an endpoint of its own
        SpringDocUtils.getConfig().addHiddenRestControllers(ProblemErrorController.class)
                // free-form JSON objects (an enqueue's constraints), not Jackson's node classes
                .replaceWithSchema(tools.jackson.databind.node.ObjectNode.class, new ObjectSchema());
    }

    private static final String DESCRIPTION = """
            Matchmaking control plane: game clients enqueue tickets and poll their status, game servers register \
            and heartbeat, operators list servers and queues. Every error is RFC 9457 `application/problem+json` \
            with a stable `code`.

            The WebSocket `/realtime` (ticket events and enqueue over a socket) cannot be described in OpenAPI: \
            see `docs/websocket-api.md`. Liveness is `GET /health`; readiness and metrics are under `/actuator`.""";

    @Bean
    OpenAPI matchplaneOpenApi() {
        // the jar manifest's version (Spring Boot writes it); running from classes there is none
        String version = OpenApiConfiguration.class.getPackage().getImplementationVersion();
        return new OpenAPI()
                .info(new Info().title("Matchplane").version(version != null ? version : "dev")
                        .description(DESCRIPTION))
                .components(new Components()
                        .addSecuritySchemes(ProblemCodes.PROVISIONING_KEY,
                                bearer("provisioning", "PROVISIONING_API_KEY"))
                        .addSecuritySchemes(ProblemCodes.ADMIN_KEY, bearer("admin", "ADMIN_API_KEY")));
    }

    /** The problem schema, from its record; added here because no controller method returns it. */
    @Bean
    OpenApiCustomizer problemSchema() {
        return api -> {
            var resolved = ModelConverters.getInstance().readAllAsResolvedSchema(Problem.class);
            api.getComponents().addSchemas("Problem", resolved.schema);
            resolved.referencedSchemas.forEach(api.getComponents()::addSchemas);
        };
    }

    @Bean
    OperationCustomizer problemApiResponses() {
        return (operation, handler) -> {
            ProblemCodes method = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), ProblemCodes.class);
            ProblemCodes type = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), ProblemCodes.class);
            List<ErrorCode> codes = new ArrayList<>();
            for (ProblemCodes annotation : new ProblemCodes[] { type, method }) {
                if (annotation != null) {
                    codes.addAll(List.of(annotation.value()));
                    if (!annotation.optionalKey().isEmpty()) {
                        // documented, but only required when the operator configured a key
                        operation.setSecurity(List.of(new SecurityRequirement(),
                                new SecurityRequirement().addList(annotation.optionalKey())));
                    }
                }
            }
            ALWAYS.stream().filter(code -> !codes.contains(code)).forEach(codes::add);
            Map<Integer, List<ErrorCode>> byStatus = new TreeMap<>();
            codes.forEach(code -> byStatus.computeIfAbsent(code.status(), s -> new ArrayList<>()).add(code));
            byStatus.forEach((status, list) -> operation.getResponses().addApiResponse(String.valueOf(status),
                    problem(list)));
            return operation;
        };
    }

    private static ApiResponse problem(List<ErrorCode> codes) {
        MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"));
        List<String> when = new ArrayList<>();
        for (ErrorCode code : codes) {
            when.add("`" + code.name() + "`: " + code.when());
            media.addExamples(code.name(), new Example().summary(code.title()).value(example(code)));
        }
        ApiResponse response = new ApiResponse().description(String.join("; ", when))
                .content(new Content().addMediaType(PROBLEM_JSON, media));
        if (codes.contains(ErrorCode.STORE_UNAVAILABLE) || codes.contains(ErrorCode.RATE_LIMITED)) {
            response.addHeaderObject("Retry-After", new Header().description("Seconds to wait before retrying")
                    .schema(new Schema<>().type("integer").types(java.util.Set.of("integer"))));
        }
        return response;
    }

    private static Map<String, Object> example(ErrorCode code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", code.type());
        body.put("title", code.title());
        body.put("status", code.status());
        body.put("detail", code == ErrorCode.VALIDATION_FAILED ? "groupSize: must be an integer" : code.title());
        body.put("code", code.name());
        if (code == ErrorCode.VALIDATION_FAILED) {
            body.put("errors", List.of(Map.of("field", "groupSize", "message", "must be an integer")));
        }
        return body;
    }

    private static SecurityScheme bearer(String api, String setting) {
        return new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("Optional: required on the " + api + " API only when `" + setting + "` is set; "
                        + "otherwise the calls take no Authorization header.");
    }
}
