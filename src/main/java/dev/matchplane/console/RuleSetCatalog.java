package dev.matchplane.console;

import java.util.List;
import java.util.Optional;

import dev.matchplane.web.FieldViolation;

/**
 * What the console's rule-set page needs from the rule-set feature: the stored rule sets as JSON, and a save that
 * validates exactly as the rule-set API does
 * (implemented by rulesets/ConsoleRuleSets).
 */
public interface RuleSetCatalog {

    /** Names of the stored rule sets, sorted. */
    List<String> names();

    /** A stored rule set as the API returns it (JSON), or empty when there is none of that name. */
    Optional<String> json(String name);

    /**
     * Validates and stores one rule set with the API's rules, changing nothing when it is invalid.
     *
     * @return the violations the API would answer with 422 (fields as in its {@code errors[]}), empty when saved
     */
    List<FieldViolation> put(String name, String json);
}
