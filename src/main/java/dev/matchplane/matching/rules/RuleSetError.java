package dev.matchplane.matching.rules;

/** One reason a rule set is refused: {@code field} is a JSON pointer into the set, e.g. {@code /rules/2/max}. */
public record RuleSetError(String field, String message) {
}
