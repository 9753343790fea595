package dev.matchplane.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Invariant: an unknown role stops the start with a message naming the setting and the valid roles. */
class OnRoleConditionTests {

    @Configuration(proxyBeanMethods = false)
    static class TickOnly {

        @Bean
        @ConditionalOnRole({ Role.ALL, Role.QUEUE_WORKER })
        String tick() {
            return "tick";
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(TickOnly.class);

    @Test
    void anUnknownRoleFailsTheStartWithAClearMessage() {
        runner.withPropertyValues("matchmaking.role=apii").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining(
                    "Invalid matchmaking.role (MATCHMAKING_ROLE) 'apii': use one of all, api, queue-worker");
        });
    }

    @Test
    void noRoleMeansAll() {
        runner.run(context -> assertThat(context).hasBean("tick"));
        runner.withPropertyValues("matchmaking.role=Api").run(context -> assertThat(context).doesNotHaveBean("tick"));
    }
}
