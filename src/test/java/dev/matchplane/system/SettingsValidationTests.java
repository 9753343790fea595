package dev.matchplane.system;

import dev.matchplane.web.HttpSettings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.matchplane.matching.MatchmakingProperties;
import dev.matchplane.provisioning.ProvisioningProperties;
import dev.matchplane.realtime.RealtimeProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** Settings records refuse impossible values at startup, through their Bean Validation constraints. */
class SettingsValidationTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ MatchmakingProperties.class, RealtimeProperties.class,
            ProvisioningProperties.class, HttpSettings.class })
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void defaultsAreValid() {
        runner.run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void eachImpossibleValueFailsStartupNamingTheSetting() {
        assertFails("matchmaking.max-party-size=0", "maxPartySize");
        assertFails("matchmaking.interval=0ms", "interval");
        assertFails("matchmaking.claim-lease=100ms", "claim-lease must be longer than the interval");
        assertFails("realtime.max-message-size=100B", "max-message-size must be between 256 B and 2 GB");
        assertFails("realtime.ping-interval=5ms", "pingInterval");
        assertFails("provisioning.sweep-batch=0", "sweepBatch");
        assertFails("matchmaking.http.enqueue-rate-limit=-1", "enqueueRateLimit");
    }

    private void assertFails(String setting, String named) {
        runner.withPropertyValues(setting).run(context -> assertThat(context).as(setting).hasFailed()
                .getFailure().rootCause().hasMessageContaining(named));
    }
}
