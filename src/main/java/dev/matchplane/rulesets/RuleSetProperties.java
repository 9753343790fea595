package dev.matchplane.rulesets;

import java.time.Duration;
import java.util.Map;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Rule-set settings, under {@code matchmaking.*} like the rest of matching.
 *
 * @param rulesets     rule sets stored at start, name to the set's JSON body (docs/matching-rules.md); an invalid
 *                     one stops the start, naming the offending field
 * @param rulesetCache how long an instance may use its copy of the rule sets before reading them again; a change
 *                     is also announced to every instance at once, this bounds how long a missed announcement lasts
 */
@ConfigurationProperties("matchmaking")
@Validated
public record RuleSetProperties(
        @DefaultValue Map<String, String> rulesets,
        @DefaultValue("500ms") @DurationMin(nanos = 1) @DurationMax(seconds = 1) Duration rulesetCache) {

    public RuleSetProperties {
        rulesets = Map.copyOf(rulesets);
    }
}
