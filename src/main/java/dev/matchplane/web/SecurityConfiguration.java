package dev.matchplane.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Security is on the classpath for the operator console only (console/ConsoleSecurityConfiguration, which
 * matches {@code /console/**} first). Every other request goes through {@link #apiSecurityChain}, which changes
 * nothing: no authentication, no session, no CSRF, no added headers. The client, provisioning and admin APIs keep
 * their own checks (bearer-key interceptors, rate limits, CORS filter) and problem+json errors.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    /**
     * The chain of every API, /realtime, actuator, OpenAPI and the demo. Player authentication of the client API
     * (bearer JWTs, an OAuth2 resource server) belongs here when it comes.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain apiSecurityChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.disable())
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> anonymous.disable())
                .servletApi(servletApi -> servletApi.disable())
                .build();
    }

    /** The strict request firewall for the console only (see {@link PathScopedFirewall}). */
    @Bean
    WebSecurityCustomizer consoleOnlyFirewall() {
        return web -> web.httpFirewall(new PathScopedFirewall("console"));
    }
}
