package dev.matchplane.rulesets;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.matchplane.matching.rules.RuleSet;
import dev.matchplane.matching.rules.RuleSetError;
import dev.matchplane.matching.rules.RuleSetValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * Stores the rule sets of {@code matchmaking.rulesets} at start, all validated first: one invalid set stops the
 * start, naming the set and the offending field. An unchanged set keeps its version, so restarts change nothing.
 */
@Component
class ConfiguredRuleSets implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredRuleSets.class);

    private final RuleSets ruleSets;
    private final RuleSetProperties properties;
    private final ObjectMapper json;

    ConfiguredRuleSets(RuleSets ruleSets, RuleSetProperties properties, ObjectMapper json) {
        this.ruleSets = ruleSets;
        this.properties = properties;
        this.json = json;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Map<String, RuleSet> parsed = new TreeMap<>();
        properties.rulesets().forEach((name, body) -> parsed.put(name, parse(name, body)));
        parsed.forEach((name, set) -> {
            StoredRuleSet stored = ruleSets.putIfChanged(name, set);
            log.info("Rule set '{}' from configuration is in force (version {})", name, stored.version());
        });
    }

    private RuleSet parse(String name, String body) {
        RuleSet set;
        try {
            set = RuleSetJson.strictReader(json).readValue(body);
        }
        catch (JacksonException ex) {
            // a YAML structure under the name binds as flattened keys (name.queues[0]...): say what is expected
            throw new IllegalStateException("matchmaking.rulesets." + name + " must be one rule set's JSON body, "
                    + "as a string: " + ex.getOriginalMessage());
        }
        List<RuleSetError> errors = RuleSetValidator.validate(set);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("matchmaking.rulesets." + name + " is invalid: " + errors.stream()
                    .map(e -> e.field() + " " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""));
        }
        return set;
    }
}
