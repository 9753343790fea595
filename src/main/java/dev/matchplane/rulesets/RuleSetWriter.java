package dev.matchplane.rulesets;

import java.util.List;
import java.util.regex.Pattern;

import dev.matchplane.matching.rules.RuleSet;
import dev.matchplane.matching.rules.RuleSetError;
import dev.matchplane.matching.rules.RuleSetValidator;
import dev.matchplane.web.ErrorCode;
import dev.matchplane.web.FieldViolation;
import dev.matchplane.web.ProblemException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

/**
 * The one way a rule set is written, for the admin API and the operator console alike: the name checked, the body
 * read strictly, the set validated as a whole, then stored; an invalid set changes nothing.
 */
@Component
class RuleSetWriter {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final RuleSets ruleSets;
    private final ObjectReader strict;

    RuleSetWriter(RuleSets ruleSets, ObjectMapper json) {
        this.ruleSets = ruleSets;
        this.strict = RuleSetJson.strictReader(json);
    }

    /**
     * @throws ProblemException VALIDATION_FAILED for a bad name or a wrong JSON type, INVALID_RULESET with every
     *         offending field as a JSON pointer
     */
    StoredRuleSet put(String name, JsonNode body) {
        requireValidName(name);
        RuleSet set = RuleSetJson.read(strict, body);
        List<RuleSetError> errors = RuleSetValidator.validate(set);
        if (!errors.isEmpty()) {
            throw new ProblemException(ErrorCode.INVALID_RULESET, "Rule set '" + name + "' is invalid",
                    errors.stream().map(e -> new FieldViolation(e.field(), e.message())).toList());
        }
        return ruleSets.put(name, set);
    }

    static void requireValidName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw ProblemException.invalid(List.of(new FieldViolation("name",
                    "must be 1 to 64 characters of A-Z a-z 0-9 . _ -")));
        }
    }
}
