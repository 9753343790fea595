package dev.matchplane.system;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** RFC 9457 problem details body, plus the stable {@code code} and, for validation, {@code errors}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, @Nullable String instance, String code,
        List<FieldViolation> errors) {

    public static Problem of(ErrorCode code, String detail, @Nullable String instance, List<FieldViolation> errors) {
        return new Problem(code.type(), code.title(), code.status(), detail, instance, code.name(), errors);
    }
}
