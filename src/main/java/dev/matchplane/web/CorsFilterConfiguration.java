package dev.matchplane.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * CORS for browser game clients: the client API and the JWKS answer pages from
 * {@code matchmaking.http.cors-allowed-origins} only. With no origin configured (the default) the filter is off and
 * no CORS header is ever sent, so browsers keep pages of other origins out. A filter rather than Spring MVC's CORS
 * support so that a preflight is answered before anything else runs, and a refused origin gets problem+json.
 * Provisioning and admin are server-to-server and never get CORS headers.
 */
@Configuration(proxyBeanMethods = false)
class CorsFilterConfiguration {

    static final List<String> PATHS = List.of("/v1/matchmaking/**", "/.well-known/jwks.json");

    /** Browsers may reuse a preflight answer this long. */
    private static final Duration PREFLIGHT_MAX_AGE = Duration.ofMinutes(30);

    @Bean
    FilterRegistrationBean<CorsFilter> corsFilter(HttpSettings settings, ObjectMapper json) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOriginPatterns(settings.corsAllowedOrigins());
        config.setAllowedMethods(List.of("GET", "HEAD", "POST"));
        // Authorization carries player tokens (matchmaking.player-auth); no cookie is ever sent (no credentials).
        config.setAllowedHeaders(List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.AUTHORIZATION));
        config.setExposedHeaders(List.of(HttpHeaders.RETRY_AFTER));
        config.setAllowCredentials(false);
        config.setMaxAge(PREFLIGHT_MAX_AGE);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        PATHS.forEach(path -> source.registerCorsConfiguration(path, config));
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new ProblemCorsProcessor(json));
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        registration.setEnabled(!settings.corsAllowedOrigins().isEmpty());
        return registration;
    }

    /** Spring's CORS checks, with a refusal written as problem+json instead of the text "Invalid CORS request". */
    static final class ProblemCorsProcessor extends DefaultCorsProcessor {

        private final ObjectMapper json;

        ProblemCorsProcessor(ObjectMapper json) {
            this.json = json;
        }

        @Override
        protected void rejectRequest(ServerHttpResponse response) throws IOException {
            ErrorCode code = ErrorCode.ORIGIN_NOT_ALLOWED;
            response.setStatusCode(HttpStatus.valueOf(code.status()));
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            response.getBody().write(json.writeValueAsBytes(Problem.of(code,
                    "This origin, method or header is not allowed to call Matchplane from a browser", null,
                    List.of())));
            response.flush();
        }
    }
}
