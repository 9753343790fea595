package dev.matchplane.system;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a JSON object field by field and collects every violation, so one answer names all offending fields.
 * Types are checked strictly: a string where a number belongs is a violation, never coerced.
 */
public final class JsonFields {

    private final JsonNode object;
    private final List<FieldViolation> violations = new ArrayList<>();

    private JsonFields(JsonNode object) {
        this.object = object;
    }

    public static JsonFields of(@Nullable JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ProblemException.invalid(List.of(new FieldViolation("body", "must be a JSON object")));
        }
        return new JsonFields(body);
    }

    public void rejectUnknown(Set<String> allowed) {
        for (String name : object.propertyNames()) {
            if (!allowed.contains(name)) {
                violation(name, "is not a known field");
            }
        }
    }

    public @Nullable String string(String field, boolean required, int minLength, int maxLength,
            @Nullable Pattern pattern, String allowedCharacters) {
        JsonNode node = present(field, required);
        if (node == null) {
            return null;
        }
        if (!node.isString()) {
            violation(field, "must be a string");
            return null;
        }
        return checkedString(field, node.stringValue(), minLength, maxLength, pattern, allowedCharacters);
    }

    public @Nullable Integer integer(String field, boolean required, int min, int max) {
        JsonNode node = present(field, required);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            violation(field, "must be an integer");
            return null;
        }
        int value = node.intValue();
        if (value < min || value > max) {
            violation(field, "must be between " + min + " and " + max);
            return null;
        }
        return value;
    }

    /** Distinct strings, each checked like {@link #string}; the array's size is checked against min/max items. */
    public @Nullable List<String> distinctStrings(String field, boolean required, int minItems, int maxItems,
            int maxLength, Pattern pattern, String allowedCharacters) {
        JsonNode node = present(field, required);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            violation(field, "must be an array of strings");
            return null;
        }
        if (node.size() < minItems || node.size() > maxItems) {
            violation(field, "must have between " + minItems + " and " + maxItems + " items");
            return null;
        }
        Set<String> values = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String itemField = field + "[" + i + "]";
            JsonNode item = node.get(i);
            if (!item.isString()) {
                violation(itemField, "must be a string");
                continue;
            }
            String value = checkedString(itemField, item.stringValue(), 1, maxLength, pattern, allowedCharacters);
            if (value != null && !values.add(value)) {
                violation(itemField, "duplicates an earlier item");
            }
        }
        return List.copyOf(values);
    }

    public @Nullable JsonNode object(String field, boolean required) {
        JsonNode node = present(field, required);
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            violation(field, "must be a JSON object");
            return null;
        }
        return node;
    }

    public void violation(String field, String message) {
        violations.add(new FieldViolation(field, message));
    }

    public boolean hasViolations() {
        return !violations.isEmpty();
    }

    /** Throws VALIDATION_FAILED naming every offending field, or returns when there is none. */
    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    private @Nullable JsonNode present(String field, boolean required) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                violation(field, "is required");
            }
            return null;
        }
        return node;
    }

    private @Nullable String checkedString(String field, String value, int minLength, int maxLength,
            @Nullable Pattern pattern, String allowedCharacters) {
        if (value.length() < minLength || value.length() > maxLength) {
            violation(field, "must be " + minLength + " to " + maxLength + " characters");
            return null;
        }
        if (pattern != null && !pattern.matcher(value).matches()) {
            violation(field, "may contain only " + allowedCharacters);
            return null;
        }
        return value;
    }
}
