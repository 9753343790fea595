package dev.matchplane.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** RFC 9457 problem details body, plus the stable {@code code} and, for validation, {@code errors}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(description = "RFC 9457 problem details")
public record Problem(
        @Schema(description = "`urn:matchplane:problem:<code in kebab case>`",
                pattern = "^urn:matchplane:problem:[a-z-]+$", example = "urn:matchplane:problem:validation-failed", requiredMode = Schema.RequiredMode.REQUIRED)
        String type,
        @Schema(description = "Short summary of the code", example = "Request validation failed",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String title,
        @Schema(description = "The HTTP status", minimum = "400", maximum = "599", example = "400",
                requiredMode = Schema.RequiredMode.REQUIRED)
        int status,
        @Schema(description = "What went wrong with this request", example = "groupSize: must be an integer",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String detail,
        @Schema(description = "The request path", example = "/v1/matchmaking/enqueue") @Nullable String instance,
        @Schema(description = "Stable machine-readable code", example = "VALIDATION_FAILED",
                requiredMode = Schema.RequiredMode.REQUIRED)
        ErrorCode code,
        @Schema(description = "For VALIDATION_FAILED: every offending field") List<FieldViolation> errors) {

    public static Problem of(ErrorCode code, String detail, @Nullable String instance, List<FieldViolation> errors) {
        return new Problem(code.type(), code.title(), code.status(), detail, instance, code, errors);
    }
}
