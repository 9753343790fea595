package dev.matchplane.web;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.MediaType;
import tools.jackson.databind.ObjectMapper;

/**
 * Tomcat's error report, as problem+json: Tomcat refuses some requests before any filter or servlet sees them
 * (an encoded {@code /} or NUL in the path, invalid header bytes, a missing Host, conflicting framing headers) and
 * would answer those with an HTML page. The guards are the ones of {@link ErrorReportValve#report}: only an error
 * status, only when nothing was written yet, only once, only while the connection still allows I/O.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    private final ObjectMapper json;

    ProblemErrorReportValve(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ErrorCode code = ErrorCode.forStatus(status);
        try {
            response.setStatus(code.status());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                // the URI is not echoed: it is the part Tomcat could not make sense of
                writer.write(json.writeValueAsString(Problem.of(code, code.title(), null, List.of())));
                response.finishResponse();
            }
        }
        catch (IOException | IllegalStateException ignored) {
            // the client is gone or the response was taken over meanwhile: nothing left to report to
        }
    }
}
