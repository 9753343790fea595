package dev.matchplane.ticket;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import dev.matchplane.web.ClientAddress;
import dev.matchplane.web.ErrorCode;
import dev.matchplane.web.ProblemException;
import dev.matchplane.web.RateLimits;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses an enqueue with 429 RATE_LIMITED (Retry-After: 1) once its client has used this second's budget. Runs on
 * the enqueue handler itself, so path tricks ({@code ;params}, doubled slashes) cannot step around it, and before
 * the body is read, so refused calls cost no parsing. Costs one extra Redis round trip per enqueue.
 */
class EnqueueRateLimitInterceptor implements HandlerInterceptor {

    static final String SCOPE = "enqueue";

    private final RateLimits limits;
    private final int limitPerSecond;
    private final boolean trustForwardedFor;

    EnqueueRateLimitInterceptor(RateLimits limits, int limitPerSecond, boolean trustForwardedFor) {
        this.limits = limits;
        this.limitPerSecond = limitPerSecond;
        this.trustForwardedFor = trustForwardedFor;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"POST".equals(request.getMethod())) {
            return true;
        }
        String client = ClientAddress.of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"),
                trustForwardedFor);
        if (!limits.tryAcquire(SCOPE, client, limitPerSecond)) {
            throw new ProblemException(ErrorCode.RATE_LIMITED,
                    "More than " + limitPerSecond + " enqueue calls per second from this client; retry shortly");
        }
        return true;
    }
}
