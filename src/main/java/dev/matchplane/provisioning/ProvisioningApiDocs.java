package dev.matchplane.provisioning;

import static dev.matchplane.system.ApiDocs.anchored;
import static dev.matchplane.system.ApiDocs.integer;
import static dev.matchplane.system.ApiDocs.object;
import static dev.matchplane.system.ApiDocs.ref;
import static dev.matchplane.system.ApiDocs.schema;
import static dev.matchplane.system.ApiDocs.string;

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

/** Documents the game-server API (CONTRACT §4) with {@link RegistrationReader}'s rules as the request schema. */
@Component
class ProvisioningApiDocs implements OpenApiCustomizer {

    private static final String HOST_RULE = "printable characters except spaces and / ? # @ \\";

    @Override
    public void customise(OpenAPI api) {
        api.getComponents().addSchemas("ServerRegistration", registration()).addSchemas("Success", success());
        register(ApiDocs.operation(api, "/v1/provisioning/servers/register", HttpMethod.POST));
        remove(ApiDocs.operation(api, "/v1/provisioning/servers/{serverId}", HttpMethod.DELETE));
    }

    private static void register(@Nullable Operation operation) {
        if (operation == null) {
            return;
        }
        operation.summary("Register a game server, or heartbeat").description("The same call registers and "
                + "heartbeats: `registeredAt` is kept, `lastSeenAt` moves. A server is live while its last heartbeat "
                + "is within PROVISIONING_SERVER_TTL_MS (90 s). Unknown fields are tolerated (compat).")
                .tags(List.of("Game servers"));
        operation.requestBody(ApiDocs.jsonBody(ref("ServerRegistration"), example(), "The game server"));
        ApiDocs.optionalBearer(operation, ApiDocs.PROVISIONING_KEY);
        ApiDocs.responses(operation, "200", successResponse(), "/v1/provisioning/servers/register",
                ErrorCode.VALIDATION_FAILED, ErrorCode.MALFORMED_JSON, ErrorCode.UNAUTHORIZED,
                ErrorCode.PAYLOAD_TOO_LARGE, ErrorCode.UNSUPPORTED_MEDIA_TYPE, ErrorCode.STORE_UNAVAILABLE);
    }

    private static void remove(@Nullable Operation operation) {
        if (operation == null) {
            return;
        }
        operation.summary("Remove a game server").description("Succeeds for an unknown id too (compat).")
                .tags(List.of("Game servers"));
        operation.getParameters().forEach(p -> p.description("The serverId it registered with").example("gs-1"));
        ApiDocs.optionalBearer(operation, ApiDocs.PROVISIONING_KEY);
        ApiDocs.responses(operation, "200", successResponse(), "/v1/provisioning/servers/gs-1",
                ErrorCode.UNAUTHORIZED, ErrorCode.STORE_UNAVAILABLE);
    }

    private static io.swagger.v3.oas.models.responses.ApiResponse successResponse() {
        return ApiDocs.json("Done", ref("Success"), Map.of("success", true));
    }

    private static Schema<Object> registration() {
        String port = "integer 1–" + RegistrationReader.MAX_PORT;
        Map<String, Schema<?>> p = new LinkedHashMap<>();
        p.put("serverId", string(1, RegistrationReader.MAX_SERVER_ID, anchored(RegistrationReader.SERVER_ID),
                "Unique server id (A-Z a-z 0-9 . _ : @ -)").example("gs-1"));
        p.put("host", string(1, RegistrationReader.MAX_HOST, null, "Host clients connect to, unless connectHost "
                + "is set; " + HOST_RULE).example("10.0.0.5"));
        p.put("port", integer(1, RegistrationReader.MAX_PORT, "Port clients connect to, unless connectPort is set")
                .example(7777));
        p.put("landType", string(1, RegistrationReader.MAX_LAND_TYPE, anchored(RegistrationReader.LAND_TYPE),
                "The queueKey prefix this server hosts (A-Z a-z 0-9 . _ -)").example("ranked"));
        p.put("connectHost", string(1, RegistrationReader.MAX_HOST, null, "Public host for the connectUrl; "
                + HOST_RULE).example("play.example.com"));
        p.put("connectPort", integer(1, RegistrationReader.MAX_PORT, "Public port for the connectUrl (" + port + ")")
                .example(443));
        p.put("connectScheme", schema("string")._enum(List.of("ws", "wss"))
                .description("Default: wss when the port is 443, else ws"));
        p.put("region", string(1, RegistrationReader.MAX_REGION, null, "Region, matched against tickets' "
                + "preferred region; printable characters").example("eu-west"));
        p.put("capacity", integer(1, Integer.MAX_VALUE, "Most concurrent lands; absent: unlimited").example(50));
        return object("A game server's registration or heartbeat", p, "serverId", "host", "port", "landType");
    }

    private static Map<String, Object> example() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serverId", "gs-1");
        body.put("host", "10.0.0.5");
        body.put("port", 7777);
        body.put("landType", "ranked");
        body.put("connectHost", "play.example.com");
        body.put("connectPort", 443);
        body.put("connectScheme", "wss");
        body.put("region", "eu-west");
        body.put("capacity", 50);
        return body;
    }

    private static Schema<Object> success() {
        Map<String, Schema<?>> p = new LinkedHashMap<>();
        p.put("success", schema("boolean")._enum(List.of(true)));
        return object("Always true", p, "success");
    }
}
