package dev.matchplane.system;

/** One offending field of a request, as listed in {@code errors[]} of a VALIDATION_FAILED problem. */
public record FieldViolation(String field, String message) {
}
