package dev.matchplane.console;

import java.time.Clock;
import java.util.List;

import dev.matchplane.admin.AdminProperties;
import dev.matchplane.web.HttpSettings;
import jakarta.servlet.http.HttpServletResponse;
import dev.matchplane.web.SecuredPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * The console's own filter chain, ahead of the others (web/OpenSecurityConfiguration lets every request no chain
 * claims pass untouched): with an admin key, a login form for that key, a session
 * cookie and CSRF protection on every form; without one, the pages are open (with a WARN) and forms still need the
 * CSRF token. Nothing creates a session before a successful login: the CSRF token lives in its own cookie and no
 * request is saved for after the login, so a wrong key leaves no session behind.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "matchmaking.console.enabled", matchIfMissing = true)
class ConsoleSecurityConfiguration {

    static final String LOGIN = "/console/login";

    private static final Logger log = LoggerFactory.getLogger(ConsoleSecurityConfiguration.class);

    /** Spring Security's strict request firewall guards the console's paths (see web/OpenSecurityConfiguration). */
    @Bean
    SecuredPaths consolePaths() {
        return new SecuredPaths(List.of("/console"));
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain consoleSecurityChain(HttpSecurity http, AdminProperties admin, ConsoleProperties console,
            HttpSettings httpSettings, Clock clock) throws Exception {
        http.securityMatcher("/console", "/console/**")
                .csrf(csrf -> csrf.csrfTokenRepository(csrfCookie()))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; frame-ancestors 'none'; form-action 'self'")));
        if (admin.apiKey().isBlank()) {
            log.warn("ADMIN_API_KEY is not set: the operator console at /console/ is not protected, so anyone who "
                    + "reaches this service can see its queues and game servers");
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
        }
        LoginThrottle throttle = new LoginThrottle(console.loginFailureLimit(), clock);
        ConsoleLoginHandlers handlers = new ConsoleLoginHandlers(throttle, httpSettings, console, clock);
        return http.authenticationProvider(new AdminKeyAuthenticationProvider(admin.apiKey()))
                .authorizeHttpRequests(requests -> requests.requestMatchers(LOGIN, "/console/console.css")
                        .permitAll().anyRequest().authenticated())
                .formLogin(form -> form.loginPage(LOGIN).passwordParameter("key")
                        .successHandler(handlers).failureHandler(handlers))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(toLoginPage()))
                .addFilterBefore(handlers.throttleFilter(), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(handlers.lifetimeFilter(), UsernamePasswordAuthenticationFilter.class)
                .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl(LOGIN + "?logout")
                        .deleteCookies("MATCHPLANE_CONSOLE"))
                .build();
    }

    /**
     * Not logged in: a redirect to the login page, whatever the request accepts. A live refresh gets 401 with
     * {@code HX-Redirect} instead, as htmx would otherwise swap the login page into the table.
     */
    private static AuthenticationEntryPoint toLoginPage() {
        AuthenticationEntryPoint page = new LoginUrlAuthenticationEntryPoint(LOGIN);
        return (request, response, notLoggedIn) -> {
            if (request.getHeader("HX-Request") == null) {
                page.commence(request, response, notLoggedIn);
                return;
            }
            response.setHeader("HX-Redirect", request.getContextPath() + LOGIN);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        };
    }

    /** HttpOnly (htmx needs no token from script: forms carry it), Strict like the session cookie. */
    private static CookieCsrfTokenRepository csrfCookie() {
        CookieCsrfTokenRepository repository = new CookieCsrfTokenRepository();
        repository.setCookieName("MATCHPLANE_CONSOLE_CSRF");
        repository.setCookiePath("/console");
        repository.setCookieCustomizer(cookie -> cookie.sameSite("Strict").httpOnly(true));
        return repository;
    }
}
