package dev.matchplane.rulesets;

import java.util.List;
import java.util.Optional;

import dev.matchplane.console.QueueRuleSets;
import dev.matchplane.console.RuleSetCatalog;
import dev.matchplane.web.FieldViolation;
import dev.matchplane.web.ProblemException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The rule sets as the operator console sees them: listed and shown as the admin API returns them, saved through
 * the same {@link RuleSetWriter}, so a form gets exactly the API's field errors.
 */
@Component
class ConsoleRuleSets implements RuleSetCatalog, QueueRuleSets {

    private final RuleSets ruleSets;
    private final RuleSetWriter writer;
    private final ObjectMapper json;

    ConsoleRuleSets(RuleSets ruleSets, RuleSetWriter writer, ObjectMapper json) {
        this.ruleSets = ruleSets;
        this.writer = writer;
        this.json = json;
    }

    @Override
    public List<String> names() {
        return List.copyOf(ruleSets.all().keySet());
    }

    @Override
    public Optional<String> json(String name) {
        return ruleSets.find(name).map(stored -> json.writerWithDefaultPrettyPrinter()
                .writeValueAsString(RuleSetView.of(stored)));
    }

    @Override
    public List<FieldViolation> put(String name, String body) {
        JsonNode parsed;
        try {
            parsed = json.readTree(body);
        }
        catch (JacksonException ex) {
            return List.of(new FieldViolation("", "is not valid JSON: " + ex.getOriginalMessage()));
        }
        try {
            writer.put(name, parsed);
            return List.of();
        }
        catch (ProblemException invalid) {
            return invalid.violations().isEmpty() ? List.of(new FieldViolation("", invalid.getMessage()))
                    : invalid.violations();
        }
    }

    @Override
    public Optional<String> ruleSetOf(String queueKey) {
        return ruleSets.governing(queueKey).map(StoredRuleSet::name);
    }
}
