package dev.matchplane.provisioning;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A register or heartbeat body, validated by {@link dev.matchplane.web.JsonRecords}. Unknown fields are
 * tolerated: game servers of the earlier control plane send extra metadata and must keep working.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(description = "A game server's registration or heartbeat; unknown fields are ignored")
record ServerRegistration(
        @Schema(description = "Unique server id", example = "gs-1", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull(message = REQUIRED) @Size(min = 1, max = MAX_SERVER_ID, message = LENGTH)
        @Pattern(regexp = SERVER_ID, message = "may contain only A-Z a-z 0-9 . _ : @ -")
        @Nullable String serverId,

        @Schema(description = "Host clients connect to, unless connectHost is set", example = "10.0.0.5",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull(message = REQUIRED) @Size(min = 1, max = 255, message = LENGTH)
        @Pattern(regexp = HOST, message = HOST_RULE)
        @Nullable String host,

        @Schema(description = "Port clients connect to, unless connectPort is set", example = "7777",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull(message = REQUIRED) @Min(value = 1, message = PORT_RULE) @Max(value = 65535, message = PORT_RULE)
        @Nullable Integer port,

        @Schema(description = "The queueKey prefix this server hosts", example = "ranked",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull(message = REQUIRED) @Size(min = 1, max = 128, message = LENGTH)
        @Pattern(regexp = "^[A-Za-z0-9._-]+$", message = "may contain only A-Z a-z 0-9 . _ -")
        @Nullable String landType,

        @Schema(description = "Public host for the connectUrl", example = "play.example.com")
        @Size(min = 1, max = 255, message = LENGTH) @Pattern(regexp = HOST, message = HOST_RULE)
        @Nullable String connectHost,

        @Schema(description = "Public port for the connectUrl", example = "443")
        @Min(value = 1, message = PORT_RULE) @Max(value = 65535, message = PORT_RULE)
        @Nullable Integer connectPort,

        @Schema(description = "Default: wss when the port is 443, else ws", allowableValues = { "ws", "wss" },
                example = "wss")
        @Pattern(regexp = "^wss?$", message = "must be ws or wss")
        @Nullable String connectScheme,

        @Schema(description = "Region, matched against tickets' preferred region; printable characters",
                example = "eu-west")
        @Size(min = 1, max = 64, message = LENGTH)
        @Pattern(regexp = "^[^\\p{C}]+$", message = "may contain only printable characters")
        @Nullable String region,

        @Schema(description = "Most concurrent lands; absent: unlimited", example = "50")
        @Min(value = 1, message = "must be between 1 and 2147483647")
        @Nullable Integer capacity) {

    static final String REQUIRED = "is required";
    static final String LENGTH = "must be {min} to {max} characters";
    static final String SERVER_ID = "^[A-Za-z0-9._:@-]+$";
    static final int MAX_SERVER_ID = 128;
    static final String PORT_RULE = "must be between 1 and 65535";
    /** Printable, without spaces or the URL delimiters that would let a host reshape the connectUrl built from it. */
    static final String HOST = "^[^\\p{C}\\p{Z}/?#@\\\\]+$";
    static final String HOST_RULE = "may contain only printable characters except spaces and / ? # @ \\";

    /** Only once validated: every required component is then present. */
    GameServer toGameServer() {
        return new GameServer(Objects.requireNonNull(serverId), Objects.requireNonNull(host),
                Objects.requireNonNull(port), Objects.requireNonNull(landType), connectHost, connectPort,
                connectScheme, region, capacity);
    }
}
