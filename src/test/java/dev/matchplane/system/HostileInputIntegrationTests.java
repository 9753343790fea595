package dev.matchplane.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import dev.matchplane.support.HttpJson;
import dev.matchplane.support.IntegrationTest;
import dev.matchplane.support.RawHttp;
import dev.matchplane.support.RawHttp.Answer;
import dev.matchplane.support.RawRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint under hostile input, sent byte for byte over a raw socket (some of these requests no HTTP client
 * would build): each answer is a 4xx application/problem+json with the expected stable code, never a 500 or an
 * HTML page, never a stack trace, and the store holds exactly the same keys afterwards. No tick runs (role api),
 * so any key that appears was written by a request. Both API keys are set, so authorization is exercised too.
 */
@TestPropertySource(properties = { "matchmaking.role=api", "provisioning.api-key=" + HostileInputIntegrationTests.PROV,
        "admin.api-key=" + HostileInputIntegrationTests.ADMIN })
class HostileInputIntegrationTests extends IntegrationTest {

    static final String PROV = "prov-key-hostile-1";
    static final String ADMIN = "admin-key-hostile-2";
    private static final String ENQUEUE = "/v1/matchmaking/enqueue";
    private static final String CANCEL = "/v1/matchmaking/cancel";
    private static final String STATUS = "/v1/matchmaking/status/";
    private static final String REGISTER = "/v1/provisioning/servers/register";
    private static final String SERVERS = "/v1/provisioning/servers/";
    private static final String LANDS = "/v1/provisioning/lands/";
    private static final String LAND_UUID = "0b4f6f3e-2d7a-4c55-9a51-8f3b8c2e1d90";
    private static final String LAND = "arena:" + LAND_UUID;
    private static final String VALID_MEMBERS = "\"members\":[\"p1\"],\"groupSize\":1";

    record Case(String name, RawRequest request, int status, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                // wrong types
                bad("enqueue groupSize as a string", enqueue("{\"queueKey\":\"q\",\"members\":[\"p1\"],\"groupSize\":\"1\"}")),
                bad("enqueue members as a string", enqueue("{\"queueKey\":\"q\",\"members\":\"p1\",\"groupSize\":1}")),
                bad("enqueue queueKey as a number", enqueue("{\"queueKey\":42," + VALID_MEMBERS + "}")),
                bad("enqueue groupSize as a boolean", enqueue("{\"queueKey\":\"q\",\"members\":[\"p1\"],\"groupSize\":true}")),
                bad("enqueue member as an object", enqueue("{\"queueKey\":\"q\",\"members\":[{\"id\":1}],\"groupSize\":1}")),
                bad("enqueue constraints as an array", enqueue("{\"queueKey\":\"q\"," + VALID_MEMBERS + ",\"constraints\":[1]}")),
                bad("enqueue body is an array", enqueue("[]")),
                bad("enqueue body is a string", enqueue("\"queue me\"")),
                bad("enqueue body is JSON null", enqueue("null")),
                bad("cancel ticketId as a number", cancel("{\"ticketId\":123}")),
                bad("cancel ticketId as an object", cancel("{\"ticketId\":{\"$ne\":null}}")),
                bad("register port as a string", register("{\"serverId\":\"gs\",\"host\":\"h\",\"port\":\"7777\",\"landType\":\"arena\"}")),
                bad("register port as a fraction", register("{\"serverId\":\"gs\",\"host\":\"h\",\"port\":7777.5,\"landType\":\"arena\"}")),
                // huge strings
                bad("enqueue queueKey of 10,000 chars", enqueue("{\"queueKey\":\"" + "q".repeat(10_000) + "\"," + VALID_MEMBERS + "}")),
                bad("enqueue member id of 5,000 chars", enqueue("{\"queueKey\":\"q\",\"members\":[\"" + "p".repeat(5_000) + "\"],\"groupSize\":1}")),
                bad("cancel ticketId of 10,000 chars", cancel("{\"ticketId\":\"" + "t".repeat(10_000) + "\"}")),
                bad("register serverId of 5,000 chars", register("{\"serverId\":\"" + "s".repeat(5_000) + "\",\"host\":\"h\",\"port\":1,\"landType\":\"a\"}")),
                new Case("status id of 7,000 chars", get(STATUS + "t".repeat(7_000)), 404, "TICKET_NOT_FOUND"),
                new Case("status id longer than the request line limit", get(STATUS + "t".repeat(20_000)), 400, "MALFORMED_REQUEST"),
                new Case("header of 20 KB", get(STATUS + "x").header("X-Filler", "f".repeat(20_000)), 400, "MALFORMED_REQUEST"),
                new Case("enqueue body of 20 KB", enqueue("{\"queueKey\":\"" + "q".repeat(20_000) + "\"}"), 413, "PAYLOAD_TOO_LARGE"),
                new Case("enqueue chunked body over the limit", enqueue("").chunked("{\"queueKey\":\"" + "q".repeat(40_000) + "\"}"), 413, "PAYLOAD_TOO_LARGE"),
                new Case("register chunked body over the limit", register("").chunked("{\"host\":\"" + "h".repeat(40_000) + "\"}"), 413, "PAYLOAD_TOO_LARGE"),
                // deep JSON
                malformed("enqueue 10,000 nested arrays", enqueue("[".repeat(10_000))),
                malformed("enqueue constraints nested 1,500 deep", enqueue("{\"queueKey\":\"q\"," + VALID_MEMBERS + ",\"constraints\":" + "{\"a\":".repeat(1_500) + "1" + "}".repeat(1_501))),
                malformed("cancel 8,000 nested arrays", cancel("[".repeat(8_000))),
                malformed("register 8,000 nested objects", register("{\"a\":".repeat(3_000))),
                malformed("enqueue number of 2,000 digits", enqueue("{\"queueKey\":\"q\",\"members\":[\"p1\"],\"groupSize\":" + "9".repeat(2_000) + "}")),
                // unicode oddities
                bad("enqueue member with NUL", enqueue("{\"queueKey\":\"q\",\"members\":[\"p\\u0000x\"],\"groupSize\":1}")),
                bad("enqueue member with RTL override", enqueue("{\"queueKey\":\"q\",\"members\":[\"p\u202Ex\"],\"groupSize\":1}")),
                bad("enqueue member with a lone surrogate", enqueue("{\"queueKey\":\"q\",\"members\":[\"p\\ud800\"],\"groupSize\":1}")),
                bad("enqueue member is an emoji", enqueue("{\"queueKey\":\"q\",\"members\":[\"\uD83D\uDE00\"],\"groupSize\":1}")),
                bad("enqueue groupId with a zero-width space", enqueue("{\"queueKey\":\"q\",\"groupId\":\"g\u200Bx\"," + VALID_MEMBERS + "}")),
                bad("enqueue queueKey with a fullwidth colon", enqueue("{\"queueKey\":\"arena\uFF1A2v2\"," + VALID_MEMBERS + "}")),
                bad("enqueue region with RTL override", enqueue("{\"queueKey\":\"q\"," + VALID_MEMBERS + ",\"region\":\"eu\u202E\"}")),
                bad("enqueue region with a lone surrogate", enqueue("{\"queueKey\":\"q\"," + VALID_MEMBERS + ",\"region\":\"eu\\udc00\"}")),
                bad("enqueue region with NUL", enqueue("{\"queueKey\":\"q\"," + VALID_MEMBERS + ",\"region\":\"eu\\u0000\"}")),
                bad("register host with RTL override", register("{\"serverId\":\"gs\",\"host\":\"h\u202Eevil\",\"port\":1,\"landType\":\"a\"}")),
                bad("register host with a path", register("{\"serverId\":\"gs\",\"host\":\"h/x?y=1\",\"port\":1,\"landType\":\"a\"}")),
                malformed("enqueue body that is not UTF-8", enqueue(new byte[] { '{', '"', 'q', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}' })),
                new Case("status id is an emoji", get(STATUS + "%F0%9F%98%80"), 404, "TICKET_NOT_FOUND"),
                new Case("status id is an RTL override", get(STATUS + "%E2%80%AE"), 404, "TICKET_NOT_FOUND"),
                new Case("status id is a surrogate half", get(STATUS + "%ED%A0%80"), 400, "MALFORMED_REQUEST"),
                new Case("status id is invalid percent-encoding", get(STATUS + "%ZZ"), 400, "MALFORMED_REQUEST"),
                // path traversal
                new Case("status id with encoded slashes", get(STATUS + "..%2F..%2Fetc%2Fpasswd"), 400, "MALFORMED_REQUEST"),
                new Case("status id with NUL", get(STATUS + "ticket-a%00b"), 400, "MALFORMED_REQUEST"),
                new Case("status id with encoded backslashes", get(STATUS + "..%5C..%5Cwin.ini"), 400, "MALFORMED_REQUEST"),
                new Case("status id with dot segments", get(STATUS + "../../etc/passwd"), 404, "NOT_FOUND"),
                new Case("status id with encoded dot segment", get(STATUS + "%2e%2e%2fadmin"), 400, "MALFORMED_REQUEST"),
                new Case("delete server id with encoded slash", authorized(delete(SERVERS + "..%2F..%2Fadmin%2Fservers"), PROV), 400, "MALFORMED_REQUEST"),
                new Case("delete server id with NUL", authorized(delete(SERVERS + "gs%00x"), PROV), 400, "MALFORMED_REQUEST"),
                // header injection
                new Case("status id with encoded CRLF and a header", get(STATUS + "a%0D%0ASet-Cookie:%20x=1"), 404, "TICKET_NOT_FOUND"),
                // the CRLF ends the request line early, which makes it an HTTP/0.9 request: Tomcat answers with the
                // body alone (no status line, no headers at all), so nothing can be injected into a response header
                new Case("request line with a raw CRLF in the id", raw("GET " + STATUS + "a\r\nSet-Cookie: x=1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 404, "TICKET_NOT_FOUND"),
                new Case("header value with a bare CR", get(STATUS + "x").header("X-Id", "a\rSet-Cookie: x=1"), 400, "MALFORMED_REQUEST"),
                new Case("header name with a control byte", get(STATUS + "x").header("X-Id\u0001", "a"), 400, "MALFORMED_REQUEST"),
                new Case("header folded onto a second line", get(STATUS + "x").header("X-Id", "a\r\n Set-Cookie: x=1"), 404, "TICKET_NOT_FOUND"),
                new Case("no Host header", raw("GET " + STATUS + "x HTTP/1.1\r\nConnection: close\r\n\r\n"), 400, "MALFORMED_REQUEST"),
                // RFC 9112 §6.3: chunked wins over Content-Length, so the body is empty
                bad("Content-Length and chunked together", raw("POST " + ENQUEUE + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n")),
                new Case("two different Content-Lengths", raw("POST " + ENQUEUE + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 9\r\nConnection: close\r\n\r\n{}"), 400, "MALFORMED_REQUEST"),
                new Case("negative Content-Length", raw("POST " + ENQUEUE + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: -1\r\nConnection: close\r\n\r\n"), 400, "MALFORMED_REQUEST"),
                new Case("invalid chunk size", raw("POST " + ENQUEUE + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"), 400, "MALFORMED_REQUEST"),
                // negative and huge numbers
                bad("enqueue groupSize -1", enqueue("{\"queueKey\":\"q\",\"members\":[\"p1\"],\"groupSize\":-1}")),
                bad("enqueue groupSize 0", enqueue("{\"queueKey\":\"q\",\"members\":[\"p1\"],\"groupSize\":0}")),
                bad("enqueue groupSize 2^31", enqueue("{\"queueKey\":\"q\",\"members\":[\"p1\"],\"groupSize\":2147483648}")),
                bad("enqueue groupSize 10^30", enqueue("{\"queueKey\":\"q\",\"members\":[\"p1\"],\"groupSize\":1000000000000000000000000000000}")),
                bad("enqueue groupSize 1e400", enqueue("{\"queueKey\":\"q\",\"members\":[\"p1\"],\"groupSize\":1e400}")),
                bad("enqueue groupSize 1.0", enqueue("{\"queueKey\":\"q\",\"members\":[\"p1\"],\"groupSize\":1.0}")),
                bad("register port -1", register("{\"serverId\":\"gs\",\"host\":\"h\",\"port\":-1,\"landType\":\"a\"}")),
                bad("register port 65536", register("{\"serverId\":\"gs\",\"host\":\"h\",\"port\":65536,\"landType\":\"a\"}")),
                bad("register capacity 0", register("{\"serverId\":\"gs\",\"host\":\"h\",\"port\":1,\"landType\":\"a\",\"capacity\":0}")),
                bad("register capacity 2^63", register("{\"serverId\":\"gs\",\"host\":\"h\",\"port\":1,\"landType\":\"a\",\"capacity\":9223372036854775808}")),
                // missing and malformed bodies
                bad("enqueue without a body", enqueue("")),
                bad("cancel without a body", cancel("")),
                bad("register without a body", register("")),
                malformed("enqueue body of whitespace", enqueue("  \r\n ")),
                bad("enqueue missing every field", enqueue("{}")),
                bad("enqueue unknown field", enqueue("{\"queueKey\":\"q\"," + VALID_MEMBERS + ",\"__proto__\":{\"admin\":true}}")),
                malformed("enqueue truncated JSON", enqueue("{\"queueKey\":")),
                malformed("enqueue trailing garbage", enqueue("{\"queueKey\":\"q\"," + VALID_MEMBERS + "} {}")),
                malformed("enqueue duplicate keys", enqueue("{\"queueKey\":\"q\",\"queueKey\":\"other\"," + VALID_MEMBERS + "}")),
                malformed("enqueue single quotes", enqueue("{'queueKey':'q'}")),
                malformed("enqueue comment", enqueue("/* hi */ {\"queueKey\":\"q\"," + VALID_MEMBERS + "}")),
                // wrong methods
                new Case("GET enqueue", get(ENQUEUE), 405, "METHOD_NOT_ALLOWED"),
                new Case("PUT cancel", new RawRequest("PUT", CANCEL).json("{}"), 405, "METHOD_NOT_ALLOWED"),
                new Case("DELETE status", delete(STATUS + "x"), 405, "METHOD_NOT_ALLOWED"),
                new Case("POST jwks", new RawRequest("POST", "/.well-known/jwks.json").json("{}"), 405, "METHOD_NOT_ALLOWED"),
                new Case("PATCH admin servers", authorized(new RawRequest("PATCH", "/v1/admin/servers").json("{}"), ADMIN), 405, "METHOD_NOT_ALLOWED"),
                new Case("GET register", authorized(get(REGISTER), PROV), 405, "METHOD_NOT_ALLOWED"),
                new Case("TRACE health", new RawRequest("TRACE", "/health"), 405, "METHOD_NOT_ALLOWED"),
                new Case("made-up method", new RawRequest("BREW", ENQUEUE), 405, "METHOD_NOT_ALLOWED"),
                // wrong content types
                new Case("enqueue as text/plain", enqueue("{}").header("Content-Type", "text/plain"), 415, "UNSUPPORTED_MEDIA_TYPE"),
                new Case("enqueue as a form", enqueue("queueKey=q").header("Content-Type", "application/x-www-form-urlencoded"), 415, "UNSUPPORTED_MEDIA_TYPE"),
                new Case("enqueue as multipart", enqueue("--b\r\n\r\n--b--").header("Content-Type", "multipart/form-data; boundary=b"), 415, "UNSUPPORTED_MEDIA_TYPE"),
                new Case("cancel without a Content-Type", cancel("{\"ticketId\":\"x\"}").header("Content-Type", null), 415, "UNSUPPORTED_MEDIA_TYPE"),
                new Case("register as XML", authorized(new RawRequest("POST", REGISTER).body("<server/>").header("Content-Type", "application/xml"), PROV), 415, "UNSUPPORTED_MEDIA_TYPE"),
                new Case("enqueue with a garbage Content-Type", enqueue("{}").header("Content-Type", "%%%/;;;"), 415, "UNSUPPORTED_MEDIA_TYPE"),
                // unknown paths
                new Case("matchmaking root", get("/v1/matchmaking"), 404, "NOT_FOUND"),
                new Case("another API version", get("/v2/matchmaking/status/x"), 404, "NOT_FOUND"),
                new Case("status without an id", get(STATUS), 404, "NOT_FOUND"),
                new Case("actuator endpoint not exposed", get("/actuator/env"), 404, "NOT_FOUND"),
                new Case("the error page itself", get("/error"), 404, "NOT_FOUND"),
                new Case("a dotfile", get("/.env"), 404, "NOT_FOUND"),
                // bad Authorization headers
                new Case("register without Authorization", register("{}").header("Authorization", null), 401, "UNAUTHORIZED"),
                new Case("register with a bare Bearer", register("{}").header("Authorization", "Bearer"), 401, "UNAUTHORIZED"),
                new Case("register with the key plus a byte", register("{}").header("Authorization", "Bearer " + PROV + "x"), 401, "UNAUTHORIZED"),
                new Case("register with a key prefix", register("{}").header("Authorization", "Bearer " + PROV.substring(0, 5)), 401, "UNAUTHORIZED"),
                new Case("register with Basic", register("{}").header("Authorization", "Basic cHJvdjprZXk="), 401, "UNAUTHORIZED"),
                new Case("register with the admin key", register("{}").header("Authorization", "Bearer " + ADMIN), 401, "UNAUTHORIZED"),
                new Case("register with a 4 KB key", register("{}").header("Authorization", "Bearer " + "k".repeat(4_000)), 401, "UNAUTHORIZED"),
                new Case("register with a non-ASCII key", register("{}").header("Authorization", "Bearer " + PROV + "\u00e9"), 401, "UNAUTHORIZED"),
                new Case("delete with the key in the query", delete(SERVERS + "gs?apiKey=" + PROV), 401, "UNAUTHORIZED"),
                new Case("admin servers with the provisioning key", authorized(get("/v1/admin/servers"), PROV), 401, "UNAUTHORIZED"),
                new Case("admin summary without Authorization", get("/v1/admin/queue/summary"), 401, "UNAUTHORIZED"),
                // lands, backfill and queue statistics
                bad("release a land id that is no land id", authorized(delete(LANDS + "not-a-land"), PROV)),
                bad("release a land id of 5,000 chars", authorized(delete(LANDS + "a".repeat(5_000) + ":" + LAND_UUID), PROV)),
                bad("backfill of a bad land id", backfill("x", "{\"openSlots\":1}")),
                bad("backfill with negative slots", backfill(LAND, "{\"openSlots\":-1}")),
                bad("backfill with 2^63 slots", backfill(LAND, "{\"openSlots\":9223372036854775808}")),
                bad("backfill with 100,000 slots", backfill(LAND, "{\"openSlots\":{\"red\":100000}}")),
                bad("backfill with slots as a string", backfill(LAND, "{\"openSlots\":\"1\"}")),
                bad("backfill with fractional slots", backfill(LAND, "{\"openSlots\":1.5}")),
                bad("backfill with no slots", backfill(LAND, "{}")),
                bad("backfill with an unknown field", backfill(LAND, "{\"openSlots\":1,\"landId\":\"x\"}")),
                bad("backfill with a team name of spaces", backfill(LAND, "{\"openSlots\":{\"r e d\":1}}")),
                bad("backfill with players as a list", backfill(LAND, "{\"openSlots\":1,\"players\":[1]}")),
                bad("backfill with a bad player id", backfill(LAND, "{\"openSlots\":1,\"players\":{\"a b\":{}}}")),
                bad("backfill body is an array", backfill(LAND, "[]")),
                malformed("backfill body is not JSON", backfill(LAND, "{\"openSlots\":")),
                new Case("backfill chunked body over the limit", backfill(LAND, "").chunked("{\"players\":\"" + "p".repeat(40_000) + "\"}"), 413, "PAYLOAD_TOO_LARGE"),
                new Case("backfill without Authorization", backfill(LAND, "{\"openSlots\":1}").header("Authorization", null), 401, "UNAUTHORIZED"),
                bad("backfill status of a bad land id", authorized(get(LANDS + "x%3Ay/backfill"), PROV)),
                bad("cancel backfill of a bad land id", authorized(delete(LANDS + "x/backfill"), PROV)),
                new Case("backfill status of an unknown land", authorized(get(LANDS + LAND + "/backfill"), PROV), 404, "LAND_NOT_FOUND"),
                new Case("backfill of an unknown land", backfill(LAND, "{\"openSlots\":1}"), 404, "LAND_NOT_FOUND"),
                bad("stats of a queue key with a space", get("/v1/matchmaking/queues/bad%20key/stats")),
                bad("stats of a queue key of 129 chars", get("/v1/matchmaking/queues/" + "q".repeat(129) + "/stats")),
                bad("stats of a queue key with a quote", get("/v1/matchmaking/queues/q%22/stats")),
                new Case("admin summary with two Authorization headers", authorized(get("/v1/admin/queue/summary"), PROV).extra("Authorization", "Bearer " + ADMIN), 401, "UNAUTHORIZED"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hostileRequestGetsItsProblemAndChangesNothing(Case hostile) {
        Set<String> before = storedKeys();

        Answer answer = RawHttp.send(port, hostile.request().bytes());

        if (answer.status() == RawHttp.HTTP_09) {
            assertThat(hostile.request().isHttp09()).as("only a request line without a version gets HTTP/0.9")
                    .isTrue();
        }
        else {
            assertThat(answer.status()).as("status of %s: %s", hostile, answer.body()).isEqualTo(hostile.status());
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        }
        JsonNode problem = HttpJson.parse(answer.body());
        assertThat(problem.path("code").asString()).isEqualTo(hostile.code());
        assertThat(problem.path("status").asInt()).isEqualTo(hostile.status());
        assertThat(problem.path("type").asString()).startsWith("urn:matchplane:problem:");
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain(PROV)
                .doesNotContain(ADMIN);
        assertThat(answer.headers()).doesNotContainKey("set-cookie");
        assertThat(storedKeys()).as("keys under the context's prefix").isEqualTo(before);
    }

    @Test
    void tableCoversEveryEndpointWithAtLeastFortyCases() {
        Set<String> paths = new TreeSet<>();
        cases().forEach(c -> paths.add(c.request().target().replaceAll("/status/.*", "/status/").replaceAll(
                "/servers/(?!register).*", "/servers/").replaceAll("\\?.*", "")));
        assertThat(cases().count()).isGreaterThanOrEqualTo(40);
        assertThat(paths).contains(ENQUEUE, CANCEL, STATUS, REGISTER, SERVERS, "/v1/admin/servers",
                "/v1/admin/queue/summary", "/.well-known/jwks.json", "/health");
    }

    @Test
    void withoutConfiguredOriginsAPreflightGetsNoCorsHeaders() {
        Answer answer = RawHttp.send(port, new RawRequest("OPTIONS", ENQUEUE).header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").bytes());

        assertThat(answer.header("Access-Control-Allow-Origin")).isEmpty();
    }

    /** Every key under this context's prefix: a bounded SCAN, as only a test may do. */
    private Set<String> storedKeys() {
        Set<String> found = new TreeSet<>();
        try (Cursor<String> cursor = redis.scan(ScanOptions.scanOptions().match(keys.prefix() + "*").count(1_000)
                .build())) {
            while (cursor.hasNext() && found.size() < 10_000) {
                found.add(cursor.next());
            }
        }
        return found;
    }

    private static Case bad(String name, RawRequest request) {
        return new Case(name, request, 400, "VALIDATION_FAILED");
    }

    private static Case malformed(String name, RawRequest request) {
        return new Case(name, request, 400, "MALFORMED_JSON");
    }

    private static RawRequest enqueue(String json) {
        return new RawRequest("POST", ENQUEUE).json(json);
    }

    private static RawRequest enqueue(byte[] json) {
        return new RawRequest("POST", ENQUEUE).header("Content-Type", "application/json").body(json);
    }

    private static RawRequest cancel(String json) {
        return new RawRequest("POST", CANCEL).json(json);
    }

    private static RawRequest register(String json) {
        return authorized(new RawRequest("POST", REGISTER).json(json), PROV);
    }

    private static RawRequest backfill(String landId, String json) {
        return authorized(new RawRequest("POST", LANDS + landId + "/backfill").json(json), PROV);
    }

    private static RawRequest get(String target) {
        return new RawRequest("GET", target);
    }

    private static RawRequest delete(String target) {
        return new RawRequest("DELETE", target);
    }

    private static RawRequest authorized(RawRequest request, String key) {
        return request.header("Authorization", "Bearer " + key);
    }

    private static RawRequest raw(String bytes) {
        return new RawRequest(bytes);
    }
}
