package dev.matchplane.player;

import java.io.IOException;

import dev.matchplane.web.ErrorCode;
import dev.matchplane.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Every refusal of the player chain as problem+json 401 {@code UNAUTHORIZED} with {@code WWW-Authenticate: Bearer}:
 * no token, a bad one, and also keys that cannot be fetched right now (logged as a WARN), so that no token, however
 * hostile, gets a 5xx. The token and the library's reason never reach the answer; the reason is logged at DEBUG.
 */
final class PlayerTokenProblems implements AuthenticationEntryPoint, AuthenticationFailureHandler,
        AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(PlayerTokenProblems.class);

    private final ProblemResponses problems;

    PlayerTokenProblems(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        boolean presented = failure instanceof OAuth2AuthenticationException;
        if (failure instanceof AuthenticationServiceException) {
            log.warn("Player tokens cannot be verified right now: {}", failure.getMessage());
        } else {
            log.debug("Player token refused on {}: {}", request.getRequestURI(), failure.getMessage());
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                presented ? "Bearer realm=\"players\", error=\"invalid_token\"" : "Bearer realm=\"players\"");
        problems.write(response, ErrorCode.UNAUTHORIZED, detail(failure, presented), request.getRequestURI());
    }

    private static String detail(AuthenticationException failure, boolean presented) {
        if (failure instanceof AuthenticationServiceException) {
            return "Player tokens cannot be verified right now (the studio's keys are unreachable); retry shortly";
        }
        return presented ? "The player token is not valid (malformed, expired, wrongly signed or for another audience)"
                : "A player token is required: Authorization: Bearer <jwt>";
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException failure) throws IOException {
        commence(request, response, failure);
    }

    /** Unreachable while every authenticated player may call the client API; kept so no HTML page can appear. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        commence(request, response, new InvalidBearerTokenException("access denied"));
    }
}
