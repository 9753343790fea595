package dev.matchplane.system;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.jspecify.annotations.Nullable;

/**
 * Builders the feature {@code *ApiDocs} customizers share. Controllers read bodies as JSON trees (strict validation
 * by {@link JsonFields}), so springdoc cannot infer their schemas: each feature describes its own explicitly, with
 * the same lengths and patterns its reader enforces. Types are set for OpenAPI 3.0 and 3.1 alike.
 */
public final class ApiDocs {

    public static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
    public static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    public static final String PROBLEM_SCHEMA = "Problem";
    /** Security scheme names: optional bearer keys (required only when configured). */
    public static final String PROVISIONING_KEY = "provisioningKey";
    public static final String ADMIN_KEY = "adminKey";
    /** Possible on every endpoint: a request the HTTP layer refuses, an Accept without JSON, a bug. */
    static final List<ErrorCode> ALWAYS = List.of(ErrorCode.MALFORMED_REQUEST, ErrorCode.NOT_ACCEPTABLE,
            ErrorCode.INTERNAL_ERROR);

    private ApiDocs() {
    }

    /** The operation, or null when this instance does not serve the path (the queue-worker role has no client API). */
    public static @Nullable Operation operation(OpenAPI api, String path, PathItem.HttpMethod method) {
        PathItem item = api.getPaths() == null ? null : api.getPaths().get(path);
        return item == null ? null : item.readOperationsMap().get(method);
    }

    public static Schema<Object> schema(String type) {
        Schema<Object> schema = new Schema<>();
        schema.setType(type);
        schema.setTypes(Set.of(type));
        return schema;
    }

    public static Schema<Object> string(int minLength, int maxLength, @Nullable String pattern, String description) {
        Schema<Object> schema = schema("string").minLength(minLength).maxLength(maxLength).description(description);
        return pattern == null ? schema : schema.pattern(pattern);
    }

    /** A Java {@code matches()} pattern as a JSON Schema one (those match anywhere unless anchored). */
    public static String anchored(java.util.regex.Pattern pattern) {
        return "^" + pattern.pattern() + "$";
    }

    public static Schema<Object> integer(long minimum, long maximum, String description) {
        return schema("integer").format(maximum > Integer.MAX_VALUE ? "int64" : "int32")
                .minimum(java.math.BigDecimal.valueOf(minimum)).maximum(java.math.BigDecimal.valueOf(maximum))
                .description(description);
    }

    /** An object with the given properties in order, the named ones required. */
    public static Schema<Object> object(String description, Map<String, Schema<?>> properties, String... required) {
        Schema<Object> schema = schema("object").description(description);
        properties.forEach(schema::addProperty);
        if (required.length > 0) {
            schema.required(List.of(required));
        }
        return schema;
    }

    public static Schema<Object> ref(String componentName) {
        return new Schema<>().$ref("#/components/schemas/" + componentName);
    }

    public static RequestBody jsonBody(Schema<?> schema, Object example, String description) {
        return new RequestBody().required(true).description(description)
                .content(new Content().addMediaType(JSON, new MediaType().schema(schema).example(example)));
    }

    public static ApiResponse json(String description, Schema<?> schema, Object example) {
        return new ApiResponse().description(description)
                .content(new Content().addMediaType(JSON, new MediaType().schema(schema).example(example)));
    }

    /**
     * Replaces the operation's responses: the success, then one problem+json response per status, each naming its
     * codes with one example per code, plus {@link #ALWAYS}.
     */
    public static void responses(Operation operation, String successStatus, ApiResponse success, String instance,
            ErrorCode... codes) {
        ApiResponses responses = new ApiResponses().addApiResponse(successStatus, success);
        Map<Integer, List<ErrorCode>> byStatus = new TreeMap<>();
        List<ErrorCode> all = new ArrayList<>(Arrays.asList(codes));
        ALWAYS.stream().filter(code -> !all.contains(code)).forEach(all::add);
        all.forEach(code -> byStatus.computeIfAbsent(code.status(), s -> new ArrayList<>()).add(code));
        byStatus.forEach((status, list) -> responses.addApiResponse(String.valueOf(status), problem(list, instance)));
        operation.setResponses(responses);
    }

    /** Makes a bearer key optional: documented, but only required when the operator configured one. */
    public static void optionalBearer(Operation operation, String scheme) {
        operation.setSecurity(List.of(new SecurityRequirement(), new SecurityRequirement().addList(scheme)));
    }

    private static ApiResponse problem(List<ErrorCode> codes, String instance) {
        MediaType media = new MediaType().schema(ref(PROBLEM_SCHEMA));
        StringBuilder description = new StringBuilder();
        for (ErrorCode code : codes) {
            description.append(description.length() == 0 ? "" : "; ").append('`').append(code.name()).append("`: ")
                    .append(ProblemDocs.when(code));
            media.addExamples(code.name(), new Example().summary(code.title()).value(example(code, instance)));
        }
        ApiResponse response = new ApiResponse().description(description.toString())
                .content(new Content().addMediaType(PROBLEM_JSON, media));
        if (codes.contains(ErrorCode.STORE_UNAVAILABLE) || codes.contains(ErrorCode.RATE_LIMITED)) {
            response.addHeaderObject("Retry-After", new Header().description("Seconds to wait before retrying")
                    .schema(schema("integer")));
        }
        return response;
    }

    static Map<String, Object> example(ErrorCode code, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", code.type());
        body.put("title", code.title());
        body.put("status", code.status());
        body.put("detail", ProblemDocs.exampleDetail(code));
        body.put("instance", instance);
        body.put("code", code.name());
        if (code == ErrorCode.VALIDATION_FAILED) {
            body.put("errors", List.of(Map.of("field", "groupSize", "message", "must be an integer")));
        }
        return body;
    }
}
