package dev.matchplane.console;

import java.time.Duration;

import jakarta.validation.constraints.Max;
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
 * @param recentMatches     newest committed matches kept for the recent-matches page; the match commit writes them
 *                          ({@code MATCHMAKING_CONSOLE_RECENT_MATCHES}, 100; 0 keeps none)
 */
@Validated
@ConfigurationProperties("matchmaking.console")
public record ConsoleProperties(@DefaultValue("true") boolean enabled, @DefaultValue("8h") Duration session,
        @DefaultValue("10") @Min(1) int loginFailureLimit, @DefaultValue("100") @Min(0) @Max(10_000) int recentMatches) {

    /** How many recent matches the commit keeps: none when the console, their only reader, is off. */
    public int recentMatchesKept() {
        return enabled ? recentMatches : 0;
    }
}
