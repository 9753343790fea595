package dev.matchplane.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets a request through only with {@code Authorization: Bearer <key>}; anything else gets 401 UNAUTHORIZED as
 * problem+json. The comparison takes the same time wherever the keys differ, so the key cannot be guessed byte by
 * byte from response times. The key is never logged or echoed.
 */
public final class BearerKeyInterceptor implements HandlerInterceptor {

    private static final String SCHEME = "bearer ";

    private final String realm;
    private final byte[] key;
    private final ProblemResponses problems;

    /**
     * @param realm names the protected API in the 401 answer ({@code provisioning}, {@code admin})
     * @param key   the expected key, not blank
     */
    public BearerKeyInterceptor(String realm, String key, ProblemResponses problems) {
        if (key.isBlank()) {
            throw new IllegalArgumentException("A bearer key interceptor needs a key");
        }
        this.realm = realm;
        this.key = key.getBytes(StandardCharsets.UTF_8);
        this.problems = problems;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        String presented = presentedKey(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (presented != null && MessageDigest.isEqual(key, presented.getBytes(StandardCharsets.UTF_8))) {
            return true;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + realm + "\"");
        problems.write(response, ErrorCode.UNAUTHORIZED,
                presented == null ? "Authorization: Bearer <key> is required for " + realm + " calls"
                        : "The bearer key is not valid for " + realm + " calls",
                request.getRequestURI());
        return false;
    }

    /** The token of an {@code Authorization: Bearer <token>} header (scheme name case-insensitive, RFC 9110). */
    private static @Nullable String presentedKey(@Nullable String header) {
        if (header == null || header.length() <= SCHEME.length()
                || !header.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            return null;
        }
        String token = header.substring(SCHEME.length()).trim();
        return token.isEmpty() ? null : token;
    }
}
