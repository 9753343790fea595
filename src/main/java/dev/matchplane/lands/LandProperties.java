package dev.matchplane.lands;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The lands feature's settings, under {@code matchmaking.*} with the other matchmaking settings.
 *
 * @param backfillTtl how long a backfill request stays open unless the game server posts it again
 *                    ({@code MATCHMAKING_BACKFILL_TTL_MS}, 30 s)
 */
@ConfigurationProperties("matchmaking")
@Validated
public record LandProperties(@DefaultValue("30s") @DurationMin(seconds = 1) Duration backfillTtl) {
}
