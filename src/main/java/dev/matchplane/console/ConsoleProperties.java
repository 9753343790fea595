package dev.matchplane.console;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Operator console settings ({@code matchmaking.console.*}).
 *
 * @param enabled           serve the console at {@code /console/} ({@code MATCHMAKING_CONSOLE_ENABLED}, true)
 * @param session           how long a login lasts, however active the page ({@code MATCHMAKING_CONSOLE_SESSION}, 8h)
 * @param loginFailureLimit failed logins allowed per client address and minute on one instance; more are refused
 *                          until the minute ends ({@code MATCHMAKING_CONSOLE_LOGIN_FAILURE_LIMIT}, 10)
 */
@Validated
@ConfigurationProperties("matchmaking.console")
record ConsoleProperties(@DefaultValue("true") boolean enabled, @DefaultValue("8h") Duration session,
        @DefaultValue("10") @Min(1) int loginFailureLimit) {
}
