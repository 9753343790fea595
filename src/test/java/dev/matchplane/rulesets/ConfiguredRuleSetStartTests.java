package dev.matchplane.rulesets;

import static org.assertj.core.api.Assertions.assertThatThrownBy;


import dev.matchplane.MatchplaneApplication;
import dev.matchplane.support.TestRedis;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** An invalid rule set in configuration stops the start, naming the set and the field as a JSON pointer. */
class ConfiguredRuleSetStartTests {

    @Test
    void anInvalidConfiguredRuleSetStopsTheStartWithItsPointer() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(MatchplaneApplication.class).run("--server.port=0",
                "--spring.data.redis.url=" + TestRedis.url(),
                "--matchmaking.redis.key-prefix=" + TestRedis.newPrefix("mmt"),
                "--matchmaking.redis.embedded=never", "--logging.level.root=OFF", "--spring.main.banner-mode=off",
                "--matchmaking.rulesets.broken={\"queues\":[\"x:*\"],\"teams\":[{\"name\":\"a\",\"players\":2}],"
                        + "\"rules\":[{\"name\":\"r\",\"type\":\"distance\",\"attribute\":\"skill\",\"max\":5}]}")
                .close())
                .hasStackTraceContaining("matchmaking.rulesets.broken")
                .hasStackTraceContaining("/rules/0/attribute");
    }
}
