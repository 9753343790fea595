package dev.matchplane.matching.rules;

import org.jspecify.annotations.Nullable;

/** The rule types a set may use, with the attribute types each accepts. */
enum RuleType {
    DISTANCE("distance", "a number"),
    TEAM_BALANCE("teamBalance", "a number"),
    EQUALS("equals", "a string or number"),
    INTERSECT("intersect", "a list"),
    LATENCY("latency", "no");

    private final String json;
    private final String attributeTypes;

    RuleType(String json, String attributeTypes) {
        this.json = json;
        this.attributeTypes = attributeTypes;
    }

    static @Nullable RuleType parse(@Nullable String json) {
        for (RuleType type : values()) {
            if (type.json.equals(json)) {
                return type;
            }
        }
        return null;
    }

    String json() {
        return json;
    }

    String attributeTypes() {
        return attributeTypes;
    }

    boolean accepts(String attributeType) {
        return switch (this) {
            case DISTANCE, TEAM_BALANCE -> "number".equals(attributeType);
            case EQUALS -> "string".equals(attributeType) || "number".equals(attributeType);
            case INTERSECT -> "list".equals(attributeType);
            case LATENCY -> true;
        };
    }

    boolean needsMax() {
        return this == DISTANCE || this == TEAM_BALANCE || this == LATENCY;
    }
}
