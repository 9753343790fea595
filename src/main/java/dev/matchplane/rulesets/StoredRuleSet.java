package dev.matchplane.rulesets;

import dev.matchplane.matching.rules.RuleSet;

/** A rule set as stored: its name, the version its last change got, and the set. */
public record StoredRuleSet(String name, long version, RuleSet ruleSet) {
}
