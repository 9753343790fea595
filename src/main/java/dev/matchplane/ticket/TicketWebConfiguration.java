package dev.matchplane.ticket;

import dev.matchplane.system.HttpSettings;
import dev.matchplane.system.RateLimits;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Adds the per-client enqueue limit when {@code matchmaking.http.enqueue-rate-limit} is set; when it is 0 (the
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
}
