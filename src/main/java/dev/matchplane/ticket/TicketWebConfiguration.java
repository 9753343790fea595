package dev.matchplane.ticket;

import dev.matchplane.matching.MatchmakingProperties;
import dev.matchplane.web.HttpSettings;
import dev.matchplane.web.JsonRecords;
import dev.matchplane.web.RateLimits;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reads the game-client bodies as validated records, documents the configured party size, and adds the per-client
 * enqueue limit when {@code matchmaking.http.enqueue-rate-limit} is set; when it is 0 (the
 * default) nothing is registered and enqueue stays one Redis round trip.
 */
@Configuration(proxyBeanMethods = false)
class TicketWebConfiguration implements WebMvcConfigurer {

    private final HttpSettings settings;
    private final RateLimits limits;

    TicketWebConfiguration(HttpSettings settings, RateLimits limits) {
        this.settings = settings;
        this.limits = limits;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        if (settings.enqueueRateLimit() > 0) {
            registry.addInterceptor(new EnqueueRateLimitInterceptor(limits, settings.enqueueRateLimit(),
                    settings.trustForwardedFor())).addPathPatterns("/v1/matchmaking/enqueue");
        }
    }

    @Bean
    static tools.jackson.databind.JacksonModule ticketRequests(JsonRecords records) {
        return records.module("ticket-requests", EnqueueRequest.class, CancelRequest.class);
    }

    /** The members' bound is a setting ({@link PartySize}), so the document takes it from the running instance. */
    @Bean
    static PropertyCustomizer partySizeApiDocs(MatchmakingProperties matchmaking) {
        return (schema, type) -> {
            if (type.getCtxAnnotations() != null && java.util.Arrays.stream(type.getCtxAnnotations())
                    .anyMatch(PartySize.class::isInstance)) {
                schema.minItems(1).maxItems(matchmaking.maxPartySize());
            }
            return schema;
        };
    }
}
