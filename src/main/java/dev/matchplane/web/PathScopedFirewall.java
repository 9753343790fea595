package dev.matchplane.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall for the paths Spring Security protects (the console), and none elsewhere: the
 * APIs already answer hostile paths and methods with their own problem+json (404, 405, 400 MALFORMED_REQUEST), and
 * the strict firewall would turn some of those into bare 400s. A request counts as the console's when its raw or
 * decoded path names the console, so an encoded path cannot slip past the strict checks.
 */
final class PathScopedFirewall implements HttpFirewall {

    private final HttpFirewall strict = new StrictHttpFirewall();
    private final String segment;

    /** @param segment the protected path's first segment, e.g. {@code console} */
    PathScopedFirewall(String segment) {
        this.segment = segment.toLowerCase(Locale.ROOT);
    }

    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
        if (protectedPath(request)) {
            return strict.getFirewalledRequest(request);
        }
        return new FirewalledRequest(request) {
            @Override
            public void reset() {
            }
        };
    }

    @Override
    public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
        return strict.getFirewalledResponse(response);
    }

    private boolean protectedPath(HttpServletRequest request) {
        String raw = request.getRequestURI() == null ? "" : request.getRequestURI().toLowerCase(Locale.ROOT);
        String decoded = (request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()))
                .toLowerCase(Locale.ROOT);
        return raw.contains(segment) || decoded.contains(segment);
    }
}
