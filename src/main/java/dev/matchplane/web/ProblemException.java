package dev.matchplane.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A failure the client should see as problem+json with a stable code; thrown by any feature. */
public class ProblemException extends RuntimeException {

    private final ErrorCode code;
    private final List<FieldViolation> violations;

    public ProblemException(ErrorCode code, String detail) {
        this(code, detail, List.of());
    }

    public ProblemException(ErrorCode code, String detail, List<FieldViolation> violations) {
        this(code, detail, violations, null);
    }

    protected ProblemException(ErrorCode code, String detail, List<FieldViolation> violations,
            @Nullable Throwable cause) {
        // Client mistakes are expected traffic: no stack trace to fill in.
        super(detail, cause, false, false);
        this.code = code;
        this.violations = List.copyOf(violations);
    }

    public static ProblemException invalid(List<FieldViolation> violations) {
        return new ProblemException(ErrorCode.VALIDATION_FAILED, describe(violations), violations);
    }

    private static String describe(List<FieldViolation> violations) {
        if (violations.size() == 1) {
            FieldViolation only = violations.get(0);
            return only.field() + ": " + only.message();
        }
        return violations.size() + " fields are invalid";
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
