package dev.matchplane.player;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** Player authentication settings that could not work stop the start, naming what is wrong. */
class PlayerAuthSettingsTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PlayerAuthProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void offByDefaultWithAWarnAndEveryCallerTrusted(CapturedOutput output) {
        runner.run(context -> {
            PlayerAuthProperties settings = context.getBean(PlayerAuthProperties.class);
            assertThat(settings.enabled()).isFalse();
            Callers callers = new Callers(settings);
            assertThat(output.getAll()).contains("WARN").contains("MATCHMAKING_PLAYER_AUTH is not set to jwt");
            assertThat(callers.of(null)).isEqualTo(Caller.TRUSTED);
            assertThat(callers.of(() -> "someone")).as("off: no principal is even looked at")
                    .isEqualTo(Caller.TRUSTED);
        });
    }

    @Test
    void onAPrincipalThatIsNoVerifiedTokenIsNeverTrusted() {
        runner.withPropertyValues("matchmaking.player-auth.mode=jwt",
                "matchmaking.player-auth.hs256-secret=" + "s".repeat(32))
                .run(context -> {
                    Callers callers = new Callers(context.getBean(PlayerAuthProperties.class));
                    assertThatThrownBy(() -> callers.of(null)).isInstanceOf(IllegalStateException.class);
                    assertThatThrownBy(() -> callers.of(() -> "alice")).isInstanceOf(IllegalStateException.class);
                });
    }

    @Test
    void aValidSecretOrKeySetStarts() {
        runner.withPropertyValues("matchmaking.player-auth.mode=jwt",
                "matchmaking.player-auth.hs256-secret=" + "s".repeat(32))
                .run(context -> assertThat(context).hasNotFailed());
        runner.withPropertyValues("matchmaking.player-auth.mode=JWT",
                "matchmaking.player-auth.jwk-set-uri=https://login.example/keys",
                "matchmaking.player-auth.issuer-uri=https://login.example/")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aShortSecretIsRefusedAtStart() {
        runner.withPropertyValues("matchmaking.player-auth.mode=jwt",
                "matchmaking.player-auth.hs256-secret=" + "s".repeat(31))
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("hs256-secret must be at least 32 bytes"));
    }

    @Test
    void jwtModeNeedsExactlyOneKeySource() {
        runner.withPropertyValues("matchmaking.player-auth.mode=jwt")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("either the JWK set URI / issuer URI or the HS256 secret"));
        runner.withPropertyValues("matchmaking.player-auth.mode=jwt",
                "matchmaking.player-auth.hs256-secret=" + "s".repeat(32),
                "matchmaking.player-auth.jwk-set-uri=https://login.example/keys")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void theSecretNeverAppearsInTheSettingsText() {
        runner.withPropertyValues("matchmaking.player-auth.mode=jwt",
                "matchmaking.player-auth.hs256-secret=top-secret-value-0123456789abcdefgh")
                .run(context -> assertThat(context.getBean(PlayerAuthProperties.class).toString())
                        .doesNotContain("top-secret-value").contains("(set)"));
    }
}
