package dev.matchplane.console;

import java.io.IOException;
import java.time.Clock;

import dev.matchplane.web.ClientAddress;
import dev.matchplane.web.HttpSettings;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What happens around a console login: failures are counted per client address and, past the limit, refused before
 * the key is even compared; a failure redirects to the login page without creating a session; a success starts a
 * session that ends {@code matchmaking.console.session} after the login, however busy the live refresh keeps it.
 */
final class ConsoleLoginHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private static final String LOGGED_IN_AT = ConsoleLoginHandlers.class.getName() + ".loggedInAt";

    private final LoginThrottle throttle;
    private final HttpSettings http;
    private final long lifetimeMillis;
    private final Clock clock;

    ConsoleLoginHandlers(LoginThrottle throttle, HttpSettings http, ConsoleProperties console, Clock clock) {
        this.throttle = throttle;
        this.http = http;
        this.lifetimeMillis = console.session().toMillis();
        this.clock = clock;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        throttle.succeeded(client(request));
        HttpSession session = request.getSession();
        session.setMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, lifetimeMillis / 1000));
        session.setAttribute(LOGGED_IN_AT, clock.millis());
        response.sendRedirect(request.getContextPath() + "/console/");
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        throttle.failed(client(request));
        response.sendRedirect(request.getContextPath() + ConsoleSecurityConfiguration.LOGIN + "?error");
    }

    /** Refuses a login attempt from a client past its failure limit, whatever key it sends. */
    Filter throttleFilter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                if ("POST".equals(request.getMethod()) && isLogin(request) && !throttle.allows(client(request))) {
                    response.sendRedirect(request.getContextPath() + ConsoleSecurityConfiguration.LOGIN
                            + "?throttled");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** Ends a session older than the configured lifetime, so the request continues as not logged in. */
    Filter lifetimeFilter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                HttpSession session = request.getSession(false);
                if (session != null && session.getAttribute(LOGGED_IN_AT) instanceof Long at
                        && clock.millis() - at >= lifetimeMillis) {
                    session.invalidate();
                    SecurityContextHolder.clearContext();
                }
                chain.doFilter(request, response);
            }
        };
    }

    private static boolean isLogin(HttpServletRequest request) {
        return (request.getContextPath() + ConsoleSecurityConfiguration.LOGIN).equals(request.getRequestURI());
    }

    private String client(HttpServletRequest request) {
        return ClientAddress.of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"),
                http.trustForwardedFor());
    }
}
