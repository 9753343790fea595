package dev.matchplane.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
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
}
