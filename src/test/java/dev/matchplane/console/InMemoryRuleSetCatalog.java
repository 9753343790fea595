package dev.matchplane.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

import dev.matchplane.web.FieldViolation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test stand-in for the rule-set feature behind {@link RuleSetCatalog}, so the console's page can be driven before
 * that feature exists: a name of lower-case letters, digits and dashes; a JSON object whose {@code matchSize} is an
 * integer of at least 1. Test scope only: the application wires no catalog of its own.
 */
final class InMemoryRuleSetCatalog implements RuleSetCatalog {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, String> stored = new ConcurrentSkipListMap<>();

    @Override
    public List<String> names() {
        return List.copyOf(stored.keySet());
    }

    @Override
    public Optional<String> json(String name) {
        return Optional.ofNullable(stored.get(name));
    }

    @Override
    public List<FieldViolation> put(String name, String json) {
        List<FieldViolation> violations = new ArrayList<>();
        if (!name.matches("[a-z0-9-]{1,64}")) {
            violations.add(new FieldViolation("name", "must be 1 to 64 lower-case letters, digits or dashes"));
        }
        JsonNode rules;
        try {
            rules = JSON.readTree(json);
        }
        catch (RuntimeException malformed) {
            violations.add(new FieldViolation("$", "is not valid JSON"));
            return violations;
        }
        JsonNode size = rules.path("matchSize");
        if (!size.isInt() || size.asInt() < 1) {
            violations.add(new FieldViolation("matchSize", "must be an integer of at least 1"));
        }
        if (violations.isEmpty()) {
            stored.put(name, json);
        }
        return violations;
    }
}
