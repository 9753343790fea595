package dev.matchplane.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** One offending field of a request, as listed in {@code errors[]} of a VALIDATION_FAILED problem. */
@Schema(description = "One offending field of a request")
public record FieldViolation(
        @Schema(description = "The offending field, e.g. `members[1]`", example = "groupSize") String field,
        @Schema(description = "The rule it breaks", example = "must be an integer") String message) {
}
