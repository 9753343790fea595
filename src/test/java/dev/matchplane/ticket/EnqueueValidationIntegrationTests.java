package dev.matchplane.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import dev.matchplane.support.HttpJson.Response;
import dev.matchplane.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every rule of enqueue (docs/rest-api.md), one case each, over HTTP: status, code and the offending field. */
class EnqueueValidationIntegrationTests extends IntegrationTest {

    private static final String OK_MEMBERS = "\"members\":[\"p1\"],\"groupSize\":1";

    record Case(String name, String body, String contentType, int status, String code, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case invalid(String name, String body, String field) {
        return new Case(name, body, "application/json", 400, "VALIDATION_FAILED", field);
    }

    static Stream<Case> cases() {
        String longKey = "q".repeat(129);
        return Stream.of(
                invalid("queueKey missing", "{" + OK_MEMBERS + "}", "queueKey"),
                invalid("queueKey empty", "{\"queueKey\":\"\"," + OK_MEMBERS + "}", "queueKey"),
                invalid("queueKey over 128 chars", "{\"queueKey\":\"" + longKey + "\"," + OK_MEMBERS + "}", "queueKey"),
                invalid("queueKey with a space", "{\"queueKey\":\"a b\"," + OK_MEMBERS + "}", "queueKey"),
                invalid("queueKey with a slash", "{\"queueKey\":\"a/b\"," + OK_MEMBERS + "}", "queueKey"),
                invalid("queueKey a number", "{\"queueKey\":5," + OK_MEMBERS + "}", "queueKey"),
                invalid("groupId empty", "{\"queueKey\":\"q\",\"groupId\":\"\"," + OK_MEMBERS + "}", "groupId"),
                invalid("groupId over 128 chars", "{\"queueKey\":\"q\",\"groupId\":\"" + longKey + "\"," + OK_MEMBERS
                        + "}", "groupId"),
                invalid("groupId with a slash", "{\"queueKey\":\"q\",\"groupId\":\"g/1\"," + OK_MEMBERS + "}",
                        "groupId"),
                invalid("groupId a number", "{\"queueKey\":\"q\",\"groupId\":7," + OK_MEMBERS + "}", "groupId"),
                invalid("members missing", "{\"queueKey\":\"q\",\"groupSize\":1}", "members"),
                invalid("members empty", "{\"queueKey\":\"q\",\"members\":[],\"groupSize\":1}", "members"),
                invalid("members a string", "{\"queueKey\":\"q\",\"members\":\"p1\",\"groupSize\":1}", "members"),
                invalid("members over maxPartySize", "{\"queueKey\":\"q\",\"members\":" + players(17)
                        + ",\"groupSize\":17}", "members"),
                invalid("member duplicated", "{\"queueKey\":\"q\",\"members\":[\"p1\",\"p1\"],\"groupSize\":2}",
                        "members[1]"),
                invalid("member over 64 chars", "{\"queueKey\":\"q\",\"members\":[\"" + "p".repeat(65)
                        + "\"],\"groupSize\":1}", "members[0]"),
                invalid("member with a space", "{\"queueKey\":\"q\",\"members\":[\"p 1\"],\"groupSize\":1}",
                        "members[0]"),
                invalid("member a number", "{\"queueKey\":\"q\",\"members\":[1],\"groupSize\":1}", "members[0]"),
                invalid("groupSize missing", "{\"queueKey\":\"q\",\"members\":[\"p1\"]}", "groupSize"),
                invalid("groupSize null", "{\"queueKey\":\"q\",\"members\":[\"p1\"],\"groupSize\":null}", "groupSize"),
                invalid("groupSize a string", "{\"queueKey\":\"q\",\"members\":[\"p1\"],\"groupSize\":\"1\"}",
                        "groupSize"),
                invalid("groupSize a boolean", "{\"queueKey\":\"q\",\"members\":[\"p1\"],\"groupSize\":true}",
                        "groupSize"),
                invalid("groupSize a fraction", "{\"queueKey\":\"q\",\"members\":[\"p1\"],\"groupSize\":1.5}",
                        "groupSize"),
                invalid("groupSize zero", "{\"queueKey\":\"q\",\"members\":[\"p1\"],\"groupSize\":0}", "groupSize"),
                invalid("groupSize huge", "{\"queueKey\":\"q\",\"members\":[\"p1\"],\"groupSize\":99999999999}",
                        "groupSize"),
                invalid("groupSize differs from members", "{\"queueKey\":\"q\",\"members\":[\"p1\"],\"groupSize\":2}",
                        "groupSize"),
                invalid("region empty", "{\"queueKey\":\"q\",\"region\":\"\"," + OK_MEMBERS + "}", "region"),
                invalid("region over 64 chars", "{\"queueKey\":\"q\",\"region\":\"" + "r".repeat(65) + "\","
                        + OK_MEMBERS + "}", "region"),
                invalid("region a number", "{\"queueKey\":\"q\",\"region\":3," + OK_MEMBERS + "}", "region"),
                invalid("constraints not an object", "{\"queueKey\":\"q\",\"constraints\":\"x\"," + OK_MEMBERS + "}",
                        "constraints"),
                invalid("unknown field", "{\"queueKey\":\"q\",\"mmr\":1500," + OK_MEMBERS + "}", "mmr"),
                invalid("body an array", "[]", "body"),
                invalid("body null", "null", "body"),
                new Case("body missing", "", "application/json", 400, "VALIDATION_FAILED", "body"),
                new Case("malformed JSON", "{\"queueKey\":", "application/json", 400, "MALFORMED_JSON", null),
                new Case("trailing garbage", "{\"queueKey\":\"q\"," + OK_MEMBERS + "} x", "application/json", 400,
                        "MALFORMED_JSON", null),
                new Case("wrong media type", "{\"queueKey\":\"q\"," + OK_MEMBERS + "}", "text/plain", 415,
                        "UNSUPPORTED_MEDIA_TYPE", null),
                new Case("body over 16 KiB", "{\"queueKey\":\"q\",\"constraints\":{\"pad\":\"" + "x".repeat(17_000)
                        + "\"}," + OK_MEMBERS + "}", "application/json", 413, "PAYLOAD_TOO_LARGE", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void enqueueWhenInvalidThenProblemWithCode(Case c) {
        Response response = http().post("/v1/matchmaking/enqueue", c.body(), c.contentType());
        assertThat(response.status()).isEqualTo(c.status());
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("code").asString()).isEqualTo(c.code());
        assertThat(problem.get("status").asInt()).isEqualTo(c.status());
        assertThat(problem.get("type").asString()).startsWith("urn:matchplane:problem:");
        assertThat(problem.get("title").asString()).isNotBlank();
        if (c.field() != null) {
            assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()))
                    .contains(c.field());
        }
    }

    @Test
    void enqueueWhenSeveralFieldsInvalidThenAllAreNamed() {
        Response response = http().post("/v1/matchmaking/enqueue", "{\"queueKey\":\"\",\"members\":[],\"x\":1}");
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("queueKey", "members", "groupSize", "x");
    }

    /** Jackson's type errors and Bean Validation's rule breaks are collected into one answer, in field order. */
    @Test
    void enqueueWhenTypeErrorsAndRuleBreaksMixThenEachFieldIsNamedOnceWithItsRule() {
        Response response = http().post("/v1/matchmaking/enqueue", "{\"zz\":1,\"queueKey\":\"a b\","
                + "\"groupId\":7,\"members\":[\"p1\",5,\"p1\",\"" + "p".repeat(65) + "\"],\"groupSize\":\"4\","
                + "\"region\":\"\",\"constraints\":[]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).isEqualTo("9 fields are invalid");
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString() + ": "
                + e.get("message").asString())).containsExactly(
                        "zz: is not a known field",
                        "queueKey: may contain only A-Z a-z 0-9 . _ : -",
                        "groupId: must be a string",
                        "members[1]: must be a string",
                        "members[2]: duplicates an earlier item",
                        "members[3]: must be 1 to 64 characters",
                        "groupSize: must be an integer",
                        "region: must be 1 to 64 characters",
                        "constraints: must be a JSON object");
    }

    @Test
    void enqueueWhenOneFieldInvalidThenTheDetailNamesIt() {
        Response response = http().post("/v1/matchmaking/enqueue", "{\"queueKey\":\"q\",\"members\":[\"p1\"],"
                + "\"groupSize\":2}");

        assertThat(response.json().get("detail").asString())
                .isEqualTo("groupSize: must equal the number of members (1)");
    }

    @Test
    void enqueueWhenInvalidThenNothingIsWritten() {
        String group = unique("g");
        http().post("/v1/matchmaking/enqueue", "{\"queueKey\":\"q\",\"groupId\":\"" + group
                + "\",\"members\":[\"p1\"],\"groupSize\":2}");
        assertThat(redis.hasKey(keys.group(group))).isFalse();
        assertThat(redis.hasKey(keys.player("p1"))).isFalse();
    }

    @Test
    void enqueueWhenGroupQueuedAndPlayerConflictsThenDedupWins() {
        String group = unique("g");
        String player = unique("p");
        String queue = unique("q");
        String first = http().post("/v1/matchmaking/enqueue", TicketApiIntegrationTests.enqueueBody(queue, group,
                player)).json().get("ticketId").asString();
        Response again = http().post("/v1/matchmaking/enqueue", TicketApiIntegrationTests.enqueueBody(queue, group,
                player));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("ticketId").asString()).isEqualTo(first);
    }

    @Test
    void enqueueWhenPlayerQueuedAndPartyTooLargeThenConflictWins() {
        String player = unique("p");
        String queue = unique("duel") + ":1v1";
        http().post("/v1/matchmaking/enqueue", TicketApiIntegrationTests.enqueueBody(queue, unique("g"), player));
        Response both = http().post("/v1/matchmaking/enqueue", "{\"queueKey\":\"" + queue + "\",\"members\":[\""
                + player + "\",\"" + unique("p") + "\"],\"groupSize\":2}");
        assertThat(both.status()).isEqualTo(409);
        assertThat(both.code()).isEqualTo("PLAYER_ALREADY_QUEUED");
    }

    @Test
    void cancelWhenTicketIdMissingOrNotStringThenValidationFailed() {
        assertThat(http().post("/v1/matchmaking/cancel", "{}").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(http().post("/v1/matchmaking/cancel", "{\"ticketId\":5}").code()).isEqualTo("VALIDATION_FAILED");
    }

    private static String players(int count) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append("\"p").append(i).append('"');
        }
        return json.append(']').toString();
    }
}
