package dev.matchplane.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Health details for operators only. Spring Boot shows them with {@code show-details: when-authorized} to a request
 * whose principal has the role in {@code management.endpoint.health.roles} ({@value #ROLE}); without Spring Security
 * nothing sets a principal, so this filter does, when the request carries {@code Authorization: Bearer <admin key>}.
 * Anything else (no key, a wrong one, no admin key configured) still gets the status, never the details. With Spring
 * Security this becomes one authentication rule granting {@value #ROLE}; the health settings stay as they are.
 */
@Configuration(proxyBeanMethods = false)
class AdminHealthDetails {

    static final String ROLE = "ADMIN";
    private static final String SCHEME = "bearer ";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> adminHealthPrincipal(AdminProperties properties) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new AdminPrincipalFilter(properties.apiKey()));
        registration.addUrlPatterns("/actuator/health", "/actuator/health/*");
        registration.setName("adminHealthPrincipal");
        registration.setEnabled(properties.authenticated());
        return registration;
    }

    private static final class AdminPrincipalFilter extends OncePerRequestFilter {

        private final byte[] key;

        AdminPrincipalFilter(String key) {
            this.key = key.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String presented = presentedKey(request.getHeader(HttpHeaders.AUTHORIZATION));
            boolean admin = key.length > 0 && presented != null
                    && MessageDigest.isEqual(key, presented.getBytes(StandardCharsets.UTF_8));
            chain.doFilter(admin ? new AdminRequest(request) : request, response);
        }

        private static @Nullable String presentedKey(@Nullable String header) {
            if (header == null || header.length() <= SCHEME.length()
                    || !header.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
                return null;
            }
            return header.substring(SCHEME.length()).trim();
        }
    }

    private static final class AdminRequest extends HttpServletRequestWrapper {

        private static final Principal ADMIN = () -> "admin";

        AdminRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Principal getUserPrincipal() {
            return ADMIN;
        }

        @Override
        public boolean isUserInRole(String role) {
            return ROLE.equals(role);
        }
    }
}
