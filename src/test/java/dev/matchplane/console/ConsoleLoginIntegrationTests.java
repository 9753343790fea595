package dev.matchplane.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.matchplane.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The console's access rules over real HTTP: the login page stands between a visitor and every page, only the admin
 * key opens a session (with a cookie scripts and other sites cannot use), a wrong key leaves no session, every POST
 * needs the CSRF token, and repeated failures are refused even with the right key.
 */
@TestPropertySource(properties = { "admin.api-key=" + ConsoleLoginIntegrationTests.KEY,
        "matchmaking.console.login-failure-limit=3", "matchmaking.http.trust-forwarded-for=true" })
class ConsoleLoginIntegrationTests extends IntegrationTest {

    static final String KEY = "console-test-admin-key";
    private static final String SESSION = "MATCHPLANE_CONSOLE";
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @Test
    void withoutALoginEveryPageRedirectsToTheLoginPageAndNoSessionStarts() {
        ConsoleClient browser = client();
        for (String page : new String[] { "/console/", "/console/servers", "/console/matching",
                "/console/queues/live", "/console/matches", "/console/matches/live" }) {
            HttpResponse<String> answer = browser.get(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/console/login"));
            assertThat(ConsoleClient.setCookie(answer, SESSION)).as(page).isNull();
        }
        assertThat(browser.get("/console/login").body()).contains("Admin key", "name=\"key\"");
    }

    @Test
    void liveRefreshWithoutASessionTellsHtmxToLoadTheLoginPage() {
        HttpResponse<String> answer = client().htmxGet("/console/queues/live");
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("HX-Redirect")).hasValue("/console/login");
        assertThat(answer.body()).doesNotContain("<table");
    }

    @Test
    void wrongKeyShowsTheErrorAndStartsNoSession() {
        ConsoleClient browser = client();
        String csrf = ConsoleClient.csrfToken(browser.get("/console/login"));

        HttpResponse<String> answer = browser.postForm("/console/login", Map.of("key", "not-the-key", "_csrf", csrf));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/console/login?error");
        assertThat(ConsoleClient.setCookie(answer, SESSION)).isNull();
        assertThat(browser.hasCookie(SESSION)).isFalse();
        assertThat(browser.get("/console/login?error").body()).contains("That is not the admin key.");
        assertThat(browser.get("/console/").statusCode()).isEqualTo(302);
    }

    @Test
    void adminKeyOpensAStrictHttpOnlySessionUntilLogout() {
        ConsoleClient browser = client();
        HttpResponse<String> login = logIn(browser, KEY);

        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/console/");
        String cookie = ConsoleClient.setCookie(login, SESSION);
        assertThat(cookie).isNotNull().contains("HttpOnly").containsIgnoringCase("SameSite=Strict")
                .contains("Path=/console").doesNotContain("Secure");
        HttpResponse<String> queues = browser.get("/console/");
        assertThat(queues.statusCode()).isEqualTo(200);
        assertThat(queues.body()).contains("<h1>Queues</h1>", "Log out").doesNotContain(KEY);

        HttpResponse<String> logout = browser.postForm("/console/logout",
                Map.of("_csrf", ConsoleClient.csrfToken(queues)));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/console/login?logout");
        assertThat(browser.get("/console/").statusCode()).isEqualTo(302);
    }

    @Test
    void postWithoutTheCsrfTokenIsRefused() {
        ConsoleClient browser = client();
        browser.get("/console/login");
        HttpResponse<String> login = browser.postForm("/console/login", Map.of("key", KEY));
        assertThat(login.statusCode()).isEqualTo(403);
        assertThat(ConsoleClient.setCookie(login, SESSION)).isNull();

        logIn(browser, KEY);
        HttpResponse<String> logout = browser.postForm("/console/logout", Map.of());
        assertThat(logout.statusCode()).isEqualTo(403);
        assertThat(browser.get("/console/").statusCode()).as("still logged in").isEqualTo(200);
    }

    @Test
    void afterTooManyFailuresEvenTheRightKeyIsRefusedForThatClientOnly() {
        ConsoleClient guesser = client();
        for (int i = 0; i < 3; i++) {
            assertThat(logIn(guesser, "guess-" + i).headers().firstValue("Location").orElseThrow())
                    .endsWith("?error");
        }
        HttpResponse<String> refused = logIn(guesser, KEY);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/console/login?throttled");
        assertThat(ConsoleClient.setCookie(refused, SESSION)).isNull();
        assertThat(guesser.get("/console/login?throttled").body()).contains("Too many failed attempts");

        ConsoleClient other = client();
        assertThat(logIn(other, KEY).headers().firstValue("Location").orElseThrow()).endsWith("/console/");
    }

    private static HttpResponse<String> logIn(ConsoleClient browser, String key) {
        String csrf = ConsoleClient.csrfToken(browser.get("/console/login"));
        HttpResponse<String> answer = browser.postForm("/console/login", Map.of("key", key, "_csrf", csrf));
        assertThat(answer.statusCode()).isEqualTo(302);
        return answer;
    }

    private ConsoleClient client() {
        return new ConsoleClient(port, "198.51.100." + CLIENTS.incrementAndGet());
    }
}
