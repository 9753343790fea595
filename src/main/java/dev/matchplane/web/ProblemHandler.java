package dev.matchplane.web;

import java.util.List;

import dev.matchplane.redis.StoreFailures;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.exc.StreamReadException;

/** Turns every failure of a controller into problem+json with a stable code; never a stack trace. */
@RestControllerAdvice
class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Problem> problem(ProblemException ex, HttpServletRequest request) {
        if (ex.code() == ErrorCode.STORE_UNAVAILABLE) {
            log.warn("Redis unavailable while serving {} {}: {}", request.getMethod(), request.getRequestURI(),
                    rootMessage(ex));
        }
        return respond(ex.code(), ex.getMessage(), request, ex.violations());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Problem> unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
        ProblemException invalid = cause(ex, ProblemException.class);
        if (invalid != null) {
            // a request record failed validation while its body was read (JsonRecords)
            return problem(invalid, request);
        }
        if (causedBy(ex, PayloadTooLargeException.class)) {
            return respond(ErrorCode.PAYLOAD_TOO_LARGE, "Request body is larger than allowed", request, List.of());
        }
        if (!causedBy(ex, StreamReadException.class) && String.valueOf(ex.getMessage()).contains("body is missing")) {
            return respond(ErrorCode.VALIDATION_FAILED, "A JSON request body is required", request,
                    List.of(new FieldViolation("body", "is required")));
        }
        return respond(ErrorCode.MALFORMED_JSON, "Request body is not valid JSON", request, List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Problem> mediaType(HttpMediaTypeNotSupportedException ex, HttpServletRequest request) {
        return respond(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json", request, List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Problem> notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletRequest request) {
        return respond(ErrorCode.NOT_ACCEPTABLE, "Responses are application/json", request, List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Problem> method(HttpRequestMethodNotSupportedException ex, HttpServletRequest request) {
        return respond(ErrorCode.METHOD_NOT_ALLOWED, "Method " + ex.getMethod() + " is not allowed here", request,
                List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Problem> noResource(NoResourceFoundException ex, HttpServletRequest request) {
        return respond(ErrorCode.NOT_FOUND, "No endpoint at this path", request, List.of());
    }

    @ExceptionHandler({ MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
            MissingRequestHeaderException.class })
    ResponseEntity<Problem> badParameter(Exception ex, HttpServletRequest request) {
        return respond(ErrorCode.VALIDATION_FAILED, "A request parameter is missing or invalid", request, List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Problem> unexpected(Exception ex, HttpServletRequest request) {
        if (StoreFailures.isUnavailable(ex)) {
            log.warn("Redis unavailable while serving {} {}: {}", request.getMethod(), request.getRequestURI(),
                    rootMessage(ex));
            return respond(ErrorCode.STORE_UNAVAILABLE, "The ticket store is unavailable, retry shortly", request,
                    List.of());
        }
        log.error("Unexpected failure serving {} {}", request.getMethod(), request.getRequestURI(), ex);
        return respond(ErrorCode.INTERNAL_ERROR, "An unexpected error occurred", request, List.of());
    }

    private static ResponseEntity<Problem> respond(ErrorCode code, String detail, HttpServletRequest request,
            List<FieldViolation> errors) {
        return ProblemResponses.entity(code, detail, request.getRequestURI(), errors);
    }

    private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
        return cause(ex, type) != null;
    }

    private static <T extends Throwable> @Nullable T cause(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
