package dev.matchplane.lands;

import java.util.List;
import java.util.regex.Pattern;

import dev.matchplane.system.Timestamps;
import dev.matchplane.web.ErrorCode;
import dev.matchplane.web.FieldViolation;
import dev.matchplane.web.ProblemCodes;
import dev.matchplane.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Land release and backfill for game servers, under the provisioning key (ProvisioningWebConfiguration protects
 * {@code /v1/provisioning/**}).
 */
@RestController
@RequestMapping(path = "/v1/provisioning/lands", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Game servers")
@ProblemCodes(value = { ErrorCode.UNAUTHORIZED, ErrorCode.VALIDATION_FAILED, ErrorCode.STORE_UNAVAILABLE },
        optionalKey = ProblemCodes.PROVISIONING_KEY)
class LandController {

    /** {@code <landType>:<uuid>}, as the tick names lands. */
    private static final Pattern LAND_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}:[0-9a-f]{8}(-[0-9a-f]{4}){3}"
            + "-[0-9a-f]{12}");
    private static final String EXAMPLE_LAND = "ranked:0b4f6f3e-2d7a-4c55-9a51-8f3b8c2e1d90";

    private final LandService lands;
    private final ObjectMapper json;

    LandController(LandService lands, ObjectMapper json) {
        this.lands = lands;
        this.json = json;
    }

    @Operation(summary = "Release a land", description = "The game on it ended: its capacity slot is free at once "
            + "and its open backfill is cancelled. `released: false` for an unknown, expired or already released "
            + "land.")
    @DeleteMapping("/{landId}")
    Released release(@Parameter(description = "The assignment's landId", example = EXAMPLE_LAND)
            @PathVariable String landId) {
        return new Released(lands.release(valid(landId)));
    }

    @Operation(summary = "Request backfill", description = "Opens (or renews) the land's backfill request for "
            + "`matchmaking.backfill-ttl`; the tick fills it from the land's queue before forming new matches.")
    @ProblemCodes({ ErrorCode.LAND_NOT_FOUND, ErrorCode.MALFORMED_JSON, ErrorCode.PAYLOAD_TOO_LARGE,
            ErrorCode.UNSUPPORTED_MEDIA_TYPE })
    @PostMapping(path = "/{landId}/backfill", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Opened requestBackfill(@PathVariable String landId, @RequestBody @Nullable JsonNode body) {
        LandService.Opened opened = lands.requestBackfill(valid(landId), body);
        return new Opened(opened.backfillId(), "open", Timestamps.iso(opened.expiresAt()));
    }

    @Operation(summary = "A land's backfill request", description = "Its status and the tickets filled so far.")
    @ProblemCodes(ErrorCode.LAND_NOT_FOUND)
    @GetMapping("/{landId}/backfill")
    BackfillView backfill(@PathVariable String landId) {
        RedisLands.StoredBackfill stored = lands.backfill(valid(landId));
        return new BackfillView(stored.backfillId(), stored.status(), json.readTree(stored.openSlotsJson()),
                json.readValue(stored.filledJson(), String[].class));
    }

    @Operation(summary = "Cancel a backfill request", description = "The tick fills nothing more from it, at once. "
            + "`cancelled: false` when no request was open.")
    @ProblemCodes(ErrorCode.LAND_NOT_FOUND)
    @DeleteMapping("/{landId}/backfill")
    Cancelled cancelBackfill(@PathVariable String landId) {
        return new Cancelled(lands.cancelBackfill(valid(landId)));
    }

    private static String valid(String landId) {
        if (!LAND_ID.matcher(landId).matches()) {
            throw ProblemException.invalid(List.of(new FieldViolation("landId", "must be <landType>:<uuid>, as in "
                    + "the assignment")));
        }
        return landId;
    }

    @Schema(description = "Whether an active land was released")
    record Released(@Schema(example = "true") boolean released) {
    }

    @Schema(description = "The open backfill request")
    record Opened(@Schema(example = "bf-3kQ0yJ8mXc2tVb5nRw7aEg") String backfillId,
            @Schema(allowableValues = "open") String status,
            @Schema(format = "date-time", description = "Post again before this to keep it open") String expiresAt) {
    }

    @Schema(description = "A backfill request")
    record BackfillView(String backfillId,
            @Schema(allowableValues = { "open", "filled", "expired", "cancelled" }) String status,
            @Schema(description = "Team → slots still open", example = "{\"red\": 1}") JsonNode openSlots,
            @Schema(description = "Ticket ids filled into the land by this request") String[] filled) {
    }

    @Schema(description = "Whether an open request was cancelled")
    record Cancelled(@Schema(example = "true") boolean cancelled) {
    }
}
