package dev.matchplane.provisioning;

import java.util.regex.Pattern;

import dev.matchplane.web.ErrorCode;
import dev.matchplane.web.ProblemCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The game-server API; bearer authentication, when configured, is checked before it. Bodies arrive validated
 * ({@link dev.matchplane.web.JsonRecords}).
 */
@RestController
@RequestMapping(path = "/v1/provisioning/servers", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Game servers")
@ProblemCodes(value = { ErrorCode.UNAUTHORIZED, ErrorCode.STORE_UNAVAILABLE },
        optionalKey = ProblemCodes.PROVISIONING_KEY)
class ProvisioningController {

    private static final Success SUCCESS = new Success(true);
    private static final Pattern SERVER_ID = Pattern.compile(ServerRegistration.SERVER_ID);

    private final ProvisioningService provisioning;

    ProvisioningController(ProvisioningService provisioning) {
        this.provisioning = provisioning;
    }

    /** Registration and heartbeat are the same call (compat): 200, not 201, either way. */
    @Operation(summary = "Register a game server, or heartbeat", description = "The same call registers and "
            + "heartbeats: `registeredAt` is kept, `lastSeenAt` moves. A server is live while its last heartbeat is "
            + "within `provisioning.server-ttl` (PROVISIONING_SERVER_TTL_MS). Unknown fields are tolerated (compat).")
    @ProblemCodes({ ErrorCode.VALIDATION_FAILED, ErrorCode.MALFORMED_JSON, ErrorCode.PAYLOAD_TOO_LARGE,
            ErrorCode.UNSUPPORTED_MEDIA_TYPE })
    @PostMapping(path = "/register", consumes = MediaType.APPLICATION_JSON_VALUE)
    Success register(@RequestBody ServerRegistration registration) {
        provisioning.register(registration.toGameServer());
        return SUCCESS;
    }

    /** Succeeds for an unknown id too (compat); an id no server could have registered never reaches Redis. */
    @Operation(summary = "Remove a game server", description = "Succeeds for an unknown id too (compat).")
    @DeleteMapping("/{serverId}")
    Success remove(@Parameter(description = "The serverId it registered with", example = "gs-1")
            @PathVariable String serverId) {
        if (serverId.length() <= ServerRegistration.MAX_SERVER_ID && SERVER_ID.matcher(serverId).matches()) {
            provisioning.remove(serverId);
        }
        return SUCCESS;
    }

    @Schema(description = "Always true")
    record Success(@Schema(allowableValues = "true", example = "true") boolean success) {
    }
}
