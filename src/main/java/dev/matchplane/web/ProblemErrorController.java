package dev.matchplane.web;

import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's error page: failures that never reach a controller (container-level 400s, filters)
 * still answer problem+json with a code instead of a whitelabel page or a stack trace. Requests the container
 * refuses before any servlet runs are answered by {@link ProblemErrorReportValve} instead.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<Problem> error(HttpServletRequest request) {
        Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(statusAttribute instanceof Integer status)) {
            // a client asked for /error itself: there is no error to describe, and no endpoint here
            return ProblemResponses.entity(ErrorCode.NOT_FOUND, "No endpoint at this path", request.getRequestURI(),
                    List.of());
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String instance = uri != null ? uri.toString() : request.getRequestURI();
        ErrorCode code = ErrorCode.forStatus(status);
        return ProblemResponses.entity(code, code.title(), instance, List.of());
    }
}
