package dev.matchplane.admin;

import static dev.matchplane.system.ApiDocs.object;
import static dev.matchplane.system.ApiDocs.ref;
import static dev.matchplane.system.ApiDocs.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.matchplane.system.ApiDocs;
import dev.matchplane.system.ErrorCode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/** Documents the operator API (CONTRACT §7). */
@Component
class AdminApiDocs implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI api) {
        // the names of the controller's records, so these replace the schemas springdoc inferred from them
        api.getComponents().addSchemas("ServerView", server()).addSchemas("ServersResponse", servers())
                .addSchemas("QueueCount", count()).addSchemas("QueueSummaryResponse", summary());
        document(ApiDocs.operation(api, "/v1/admin/servers", HttpMethod.GET), "Registered game servers",
                ApiDocs.json("Every registered server, live or stale", ref("ServersResponse"), serversExample()),
                "/v1/admin/servers");
        document(ApiDocs.operation(api, "/v1/admin/queue/summary", HttpMethod.GET), "Waiting tickets per queue",
                ApiDocs.json("Read from Redis: the same answer on every instance", ref("QueueSummaryResponse"),
                        Map.of("queueKeys", List.of("ranked:2v2"),
                                "byQueueKey", Map.of("ranked:2v2", Map.of("queuedCount", 3)))),
                "/v1/admin/queue/summary");
    }

    private static void document(@Nullable Operation operation, String summary,
            io.swagger.v3.oas.models.responses.ApiResponse success, String path) {
        if (operation == null) {
            return;
        }
        operation.summary(summary).tags(List.of("Operators"));
        ApiDocs.optionalBearer(operation, ApiDocs.ADMIN_KEY);
        ApiDocs.responses(operation, "200", success, path, ErrorCode.UNAUTHORIZED, ErrorCode.STORE_UNAVAILABLE);
    }

    private static Schema<Object> server() {
        Map<String, Schema<?>> p = new LinkedHashMap<>();
        p.put("serverId", schema("string"));
        p.put("host", schema("string"));
        p.put("port", schema("integer"));
        p.put("landType", schema("string"));
        p.put("connectHost", schema("string").description("Only when registered with one"));
        p.put("connectPort", schema("integer").description("Only when registered with one"));
        p.put("connectScheme", schema("string")._enum(List.of("ws", "wss"))
                .description("Only when registered with one"));
        p.put("region", schema("string").description("Only when registered with one"));
        p.put("capacity", schema("integer").description("Only when registered with one"));
        p.put("registeredAt", schema("string").format("date-time"));
        p.put("lastSeenAt", schema("string").format("date-time"));
        p.put("isStale", schema("boolean").description("Last heartbeat older than PROVISIONING_SERVER_TTL_MS"));
        return object("A registered game server; optional fields are left out when unset", p, "serverId", "host",
                "port", "landType", "registeredAt", "lastSeenAt", "isStale");
    }

    private static Schema<Object> servers() {
        return object("Registered game servers", Map.of("servers", schema("array").items(ref("ServerView"))),
                "servers");
    }

    private static Schema<Object> count() {
        return object("One queue", Map.of("queuedCount", schema("integer").format("int64")
                .description("Tickets waiting in the queue")), "queuedCount");
    }

    private static Schema<Object> summary() {
        Map<String, Schema<?>> p = new LinkedHashMap<>();
        p.put("queueKeys", schema("array").items(schema("string")).description("Queues with waiting tickets, sorted"));
        p.put("byQueueKey", schema("object").additionalProperties(ref("QueueCount"))
                .description("Counts by queue key"));
        return object("Waiting tickets per queue", p, "queueKeys", "byQueueKey");
    }

    private static Map<String, Object> serversExample() {
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("serverId", "gs-1");
        server.put("host", "10.0.0.5");
        server.put("port", 7777);
        server.put("landType", "ranked");
        server.put("region", "eu-west");
        server.put("registeredAt", "2026-11-26T19:58:00.000Z");
        server.put("lastSeenAt", "2026-11-26T20:00:00.000Z");
        server.put("isStale", false);
        return Map.of("servers", List.of(server));
    }
}
