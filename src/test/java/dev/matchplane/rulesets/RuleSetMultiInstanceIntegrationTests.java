package dev.matchplane.rulesets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import dev.matchplane.MatchplaneApplication;
import dev.matchplane.support.HttpJson;
import dev.matchplane.support.IntegrationTest;
import dev.matchplane.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Two instances on one Redis and key prefix, each with a long cache expiry (1 s, the most allowed): a change made
 * through one must govern the other within 1 s, which only the change announcement can make happen.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = { "matchmaking.interval=50ms", "matchmaking.min-wait=0ms",
        "matchmaking.ruleset-cache=1s", "matchmaking.role=api" })
class RuleSetMultiInstanceIntegrationTests extends IntegrationTest {

    ConfigurableApplicationContext instanceB;
    HttpJson httpB;

    @BeforeAll
    void startSecondInstance() {
        instanceB = new SpringApplicationBuilder(MatchplaneApplication.class).run("--server.port=0",
                "--spring.data.redis.url=" + TestRedis.url(), "--matchmaking.redis.key-prefix=" + keys.prefix(),
                "--matchmaking.redis.embedded=never", "--logging.level.dev.matchplane=WARN",
                "--spring.main.banner-mode=off", "--matchmaking.interval=50ms", "--matchmaking.min-wait=0ms",
                "--matchmaking.ruleset-cache=1s");
        httpB = new HttpJson("http://127.0.0.1:"
                + instanceB.getEnvironment().getRequiredProperty("local.server.port"));
        warmUp();
    }

    /**
     * One match under a rule set on B before anything is timed: a fresh instance's first ruled tick loads and
     * compiles the matcher, which on a busy machine can take longer than the second the tests allow for a change.
     */
    private void warmUp() {
        String landType = unique("warm");
        RuleSetHttp onB = new RuleSetHttp(httpB);
        onB.register(landType, "gs-" + landType, null);
        onB.putOk(unique("warm"), "{\"queues\":[\"" + landType + ":*\"],"
                + "\"teams\":[{\"name\":\"a\",\"players\":1},{\"name\":\"b\",\"players\":1}]}");
        String first = onB.solo(landType + ":1v1", unique("w1"), "{}");
        onB.solo(landType + ":1v1", unique("w2"), "{}");
        onB.awaitAssignment(first);
    }

    @AfterAll
    void stopSecondInstance() {
        if (instanceB != null) {
            instanceB.close();
        }
    }

    @Test
    void aRuleSetPutOnAGovernsEnqueueValidationOnBWithinASecond() {
        String landType = unique("multi");
        String queue = landType + ":1v1";
        // B reads (and caches) the rule sets now: no set governs the queue yet
        assertThat(new RuleSetHttp(httpB).enqueue(queue, List.of(unique("early")), null).status()).isEqualTo(201);

        new RuleSetHttp(http()).putOk(unique("set"), "{\"queues\":[\"" + landType + ":*\"],"
                + "\"attributes\":{\"skill\":{\"type\":\"number\"}},\"teams\":[{\"name\":\"all\",\"players\":2}]}");

        await().pollInterval(Duration.ofMillis(20)).atMost(Duration.ofSeconds(1)).until(
                () -> new RuleSetHttp(httpB).enqueue(queue, List.of(unique("late")), null).code(),
                "ATTRIBUTE_REQUIRED"::equals);
    }

    @Test
    void aRuleSetPutOnAGovernsMatchingOnBWithinASecond() {
        // A has role api: only B ticks, so B's matching must follow a set stored through A
        String landType = unique("tick");
        RuleSetHttp onB = new RuleSetHttp(httpB);
        onB.register(landType, "gs-" + landType, null);
        String queue = landType + ":3";
        String c = onB.solo(queue, unique("c"), "{}");
        String d = onB.solo(queue, unique("d"), "{}");
        // by size the queue key asks for 3 players: two wait (B's tick has read the windows meanwhile)
        await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> onB.status(c).get("status").asString(), "queued"::equals);

        new RuleSetHttp(http()).putOk(unique("set"), "{\"queues\":[\"" + landType + ":*\"],"
                + "\"teams\":[{\"name\":\"a\",\"players\":1},{\"name\":\"b\",\"players\":1}]}");

        await().pollInterval(Duration.ofMillis(20)).atMost(Duration.ofSeconds(1))
                .until(() -> onB.status(d).get("status").asString(), "assigned"::equals);
        assertThat(onB.awaitAssignment(c).get("matchId")).isEqualTo(onB.awaitAssignment(d).get("matchId"));
        assertThat(onB.awaitAssignment(c).get("team").asString()).as("teams of the rule set").isIn("a", "b");
    }
}
