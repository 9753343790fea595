package dev.matchplane.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** Builds problem+json answers for controllers, filters and the error page alike, so every path looks the same. */
@Component
public class ProblemResponses {

    /** Seconds a client should wait before retrying a 503; Redis restarts take about this long. */
    static final String RETRY_AFTER_SECONDS = "1";

    private final ObjectMapper objectMapper;

    public ProblemResponses(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public static ResponseEntity<Problem> entity(ErrorCode code, String detail, String instance,
            List<FieldViolation> errors) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(code.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (code == ErrorCode.STORE_UNAVAILABLE || code == ErrorCode.RATE_LIMITED) {
            builder.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return builder.body(Problem.of(code, detail, instance, errors));
    }

    /** Writes straight to the servlet response: for filters and interceptors that run outside the controllers. */
    public void write(HttpServletResponse response, ErrorCode code, String detail, String instance) throws IOException {
        response.resetBuffer();
        response.setStatus(code.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (code == ErrorCode.STORE_UNAVAILABLE || code == ErrorCode.RATE_LIMITED) {
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        objectMapper.writeValue(response.getOutputStream(), Problem.of(code, detail, instance, List.of()));
    }
}
