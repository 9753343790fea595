package dev.matchplane.web;

import java.util.List;

import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits and browser access of the HTTP API ({@code matchmaking.http.*}).
 *
 * @param maxBodySize        largest accepted request body (default 16 KiB); larger ones get 413 PAYLOAD_TOO_LARGE
 * @param corsAllowedOrigins origins (or patterns such as {@code https://*.example.com}) whose browser pages may call
 *                           the client API and the JWKS ({@code MATCHMAKING_CORS_ALLOWED_ORIGINS}, comma-separated);
 *                           default none: no CORS headers, so browsers on other origins are refused
 * @param enqueueRateLimit   most enqueue calls per second per client address, counted in Redis across all instances;
 *                           0 (the default) turns the limit off and costs nothing
 * @param trustForwardedFor  take the client address from the first hop of {@code X-Forwarded-For}; set it only behind
 *                           a proxy that overwrites that header, or clients can pick their own address
 */
@ConfigurationProperties("matchmaking.http")
@Validated
public record HttpSettings(@DefaultValue("16KB") DataSize maxBodySize, @DefaultValue List<String> corsAllowedOrigins,
        @DefaultValue("0") @PositiveOrZero int enqueueRateLimit, @DefaultValue("false") boolean trustForwardedFor) {

    public HttpSettings {
        corsAllowedOrigins = corsAllowedOrigins.stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
    }
}
