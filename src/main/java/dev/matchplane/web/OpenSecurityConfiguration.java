package dev.matchplane.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * The last security chain: every request no earlier chain claimed (player tokens, console) passes with no security
 * filter at all, so it is answered exactly as without Spring Security: no session, no CSRF token, no added
 * headers, no login page. Provisioning and admin keep their own bearer-key interceptors.
 */
@Configuration(proxyBeanMethods = false)
class OpenSecurityConfiguration {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain permitAllOtherRequests() {
        return new DefaultSecurityFilterChain(AnyRequestMatcher.INSTANCE);
    }

    /**
     * Spring Security's strict firewall (it refuses {@code ;}, encoded dots, odd methods, paths with {@code ..} with
     * a 400) guards only paths a chain protects ({@link SecuredPaths}): elsewhere it would protect nothing and would
     * change answers the service gives on purpose (e.g. 404 for a dot-segment path, 405 for a made-up method). The
     * decision uses the servlet path, which the container has already decoded and normalised, so no spelling of a
     * protected path slips past it.
     */
    @Bean
    WebSecurityCustomizer firewallForSecuredPathsOnly(ObjectProvider<SecuredPaths> secured) {
        List<SecuredPaths> paths = secured.orderedStream().toList();
        HttpFirewall strict = new StrictHttpFirewall();
        HttpFirewall firewall = new HttpFirewall() {
            @Override
            public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
                String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
                return paths.stream().anyMatch(p -> p.covers(path)) ? strict.getFirewalledRequest(request)
                        : new FirewalledRequest(request) {
                            @Override
                            public void reset() {
                            }
                        };
            }

            @Override
            public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
                return strict.getFirewalledResponse(response);
            }
        };
        return web -> web.httpFirewall(firewall);
    }
}
