package dev.matchplane.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchplane.support.HttpJson;
import dev.matchplane.support.IntegrationTest;
import dev.matchplane.support.RawHttp;
import dev.matchplane.support.RawHttp.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Browser game clients on configured origins may call the client API and the JWKS; any other origin is refused
 * with problem+json and no CORS header, and server-to-server APIs never answer CORS at all. Real port, real
 * preflights as a browser sends them.
 */
@TestPropertySource(properties = "matchmaking.http.cors-allowed-origins= https://game.example , https://*.play.example")
class CorsIntegrationTests extends IntegrationTest {

    @Test
    void preflightFromAllowedOriginThenAllowedWithMethodsHeadersAndMaxAge() {
        Answer answer = preflight("/v1/matchmaking/enqueue", "https://game.example", "POST", "content-type");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo("https://game.example");
        assertThat(answer.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(answer.header("Access-Control-Allow-Headers").toLowerCase()).contains("content-type");
        assertThat(answer.header("Access-Control-Max-Age")).isEqualTo("1800");
        assertThat(answer.header("Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void preflightFromOriginMatchingAPatternThenAllowed() {
        Answer answer = preflight("/v1/matchmaking/status/ticket-x", "https://eu.play.example", "GET", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo("https://eu.play.example");
    }

    @Test
    void preflightFromOtherOriginThenForbiddenProblemWithoutCorsHeaders() {
        Answer answer = preflight("/v1/matchmaking/enqueue", "https://evil.example", "POST", "content-type");

        assertForbidden(answer);
    }

    @Test
    void preflightLookalikeOriginThenForbidden() {
        assertForbidden(preflight("/v1/matchmaking/enqueue", "https://game.example.evil.example", "POST", null));
        assertForbidden(preflight("/v1/matchmaking/enqueue", "http://game.example", "POST", null));
        assertForbidden(preflight("/v1/matchmaking/enqueue", "null", "POST", null));
    }

    @Test
    void preflightAskingForAnUnlistedMethodOrHeaderThenForbidden() {
        assertForbidden(preflight("/v1/matchmaking/enqueue", "https://game.example", "DELETE", null));
        assertForbidden(preflight("/v1/matchmaking/enqueue", "https://game.example", "POST", "x-custom-header"));
    }

    @Test
    void simpleRequestFromAllowedOriginCarriesAllowOriginAndExposesRetryAfter() {
        Answer answer = RawHttp.send(port, "GET /.well-known/jwks.json HTTP/1.1\r\nHost: localhost\r\n"
                + "Origin: https://game.example\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo("https://game.example");
        assertThat(answer.header("Access-Control-Expose-Headers")).contains("Retry-After");
        assertThat(HttpJson.parse(answer.body()).get("keys").isArray()).isTrue();
    }

    @Test
    void actualRequestFromOtherOriginThenForbiddenAndNothingStored() {
        String group = unique("g");
        Answer answer = RawHttp.send(port, post("/v1/matchmaking/enqueue", "https://evil.example",
                "{\"queueKey\":\"" + unique("q") + "\",\"groupId\":\"" + group + "\",\"members\":[\""
                        + unique("p") + "\"],\"groupSize\":1}"));

        assertForbidden(answer);
        assertThat(redis.hasKey(keys.group(group))).isFalse();
    }

    @Test
    void serverToServerApisNeverAnswerCors() {
        Answer answer = preflight("/v1/provisioning/servers/register", "https://game.example", "POST",
                "content-type");

        assertThat(answer.header("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight("/v1/admin/servers", "https://game.example", "GET", null)
                .header("Access-Control-Allow-Origin")).isEmpty();
    }

    private Answer preflight(String path, String origin, String method, String requestHeaders) {
        return RawHttp.send(port, "OPTIONS " + path + " HTTP/1.1\r\nHost: localhost\r\nOrigin: " + origin
                + "\r\nAccess-Control-Request-Method: " + method + "\r\n"
                + (requestHeaders == null ? "" : "Access-Control-Request-Headers: " + requestHeaders + "\r\n")
                + "Connection: close\r\n\r\n");
    }

    private static String post(String path, String origin, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nOrigin: " + origin
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body;
    }

    private static void assertForbidden(Answer answer) {
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(HttpJson.parse(answer.body()).get("code").asString()).isEqualTo("ORIGIN_NOT_ALLOWED");
        assertThat(answer.header("Access-Control-Allow-Origin")).isEmpty();
    }
}
