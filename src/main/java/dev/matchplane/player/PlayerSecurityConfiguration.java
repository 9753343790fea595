package dev.matchplane.player;

import java.util.List;

import dev.matchplane.web.ProblemResponses;
import dev.matchplane.web.SecuredPaths;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.resource.OAuth2ResourceServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * With {@code matchmaking.player-auth.mode=jwt}: the game-client API and {@code /realtime} need a player token.
 * Without it nothing here exists, so a request costs what it did before. Stateless: no session, no CSRF (no
 * cookie ever authenticates), and the response headers stay the service's own.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "matchmaking.player-auth", name = "mode", havingValue = "jwt")
class PlayerSecurityConfiguration {

    /** Before the permit-all chain for everything else; other path-specific chains take their own numbers. */
    static final int ORDER = 20;
    static final String REALTIME = "/realtime";
    /** Queue statistics are public (cacheable by anyone). */
    private static final String STATS = "/v1/matchmaking/queues/*/stats";

    /** Under Spring Security's strict firewall while tokens are checked there. */
    @Bean
    SecuredPaths playerApiPaths() {
        return new SecuredPaths(List.of("/v1/matchmaking", REALTIME));
    }

    @Bean
    JwtDecoder playerTokenDecoder(PlayerAuthProperties settings) {
        return PlayerTokenDecoders.create(settings);
    }

    @Bean
    @Order(ORDER)
    SecurityFilterChain playerApiSecurity(HttpSecurity http, JwtDecoder playerTokenDecoder,
            PlayerAuthProperties settings, ProblemResponses problems) throws Exception {
        PlayerTokenProblems refusals = new PlayerTokenProblems(problems);
        JwtAuthenticationConverter principal = new JwtAuthenticationConverter();
        principal.setPrincipalClaimName(settings.claim());
        http.securityMatcher("/v1/matchmaking/**", REALTIME)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, STATS).permitAll()
                        .requestMatchers(HttpMethod.HEAD, STATS).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> verifyTokens(server, playerTokenDecoder, principal, refusals))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable());
        return http.build();
    }

    private static void verifyTokens(OAuth2ResourceServerConfigurer<HttpSecurity> server, JwtDecoder decoder,
            JwtAuthenticationConverter principal, PlayerTokenProblems refusals) {
        server.jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(principal))
                .bearerTokenResolver(tokens())
                .authenticationEntryPoint(refusals)
                .accessDeniedHandler(refusals)
                .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                    @Override
                    public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                        // Spring rethrows "keys unreachable" as a 500; the service answers 401 instead.
                        filter.setAuthenticationFailureHandler(refusals);
                        return filter;
                    }
                });
    }

    /**
     * {@code Authorization: Bearer} everywhere; on {@code /realtime} also {@code ?access_token=}, since browsers
     * cannot set headers on a WebSocket. Nowhere else, so a token never ends up in a REST URL.
     */
    private static BearerTokenResolver tokens() {
        DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
        DefaultBearerTokenResolver socket = new DefaultBearerTokenResolver();
        socket.setAllowUriQueryParameter(true);
        return request -> isRealtime(request) ? socket.resolve(request) : header.resolve(request);
    }

    private static boolean isRealtime(HttpServletRequest request) {
        return request.getRequestURI().equals(request.getContextPath() + REALTIME);
    }
}
