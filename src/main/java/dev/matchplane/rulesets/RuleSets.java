package dev.matchplane.rulesets;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

import dev.matchplane.matching.rules.QueueGlobs;
import dev.matchplane.matching.rules.RuleSet;

/**
 * The rule sets in force. Reads come from a short-lived copy (at most {@code matchmaking.ruleset-cache} old, and
 * dropped at once when any instance announces a change), so calling them per enqueue and per tick is cheap.
 */
public interface RuleSets {

    /** Every rule set by name. */
    SortedMap<String, StoredRuleSet> all();

    default Optional<StoredRuleSet> find(String name) {
        return Optional.ofNullable(all().get(name));
    }

    /** The rule set governing {@code queueKey}: the most specific matching pattern wins ({@link QueueGlobs}). */
    default Optional<StoredRuleSet> governing(String queueKey) {
        return select(all(), queueKey);
    }

    /** The set among {@code sets} that governs {@code queueKey}, as {@link #governing} decides. */
    static Optional<StoredRuleSet> select(SortedMap<String, StoredRuleSet> sets, String queueKey) {
        if (sets.isEmpty()) {
            return Optional.empty();
        }
        Map<String, RuleSet> byName = new HashMap<>();
        sets.forEach((name, stored) -> byName.put(name, stored.ruleSet()));
        return QueueGlobs.select(byName, queueKey).map(sets::get);
    }

    /** Creates or replaces {@code name} (already validated); the stored set carries its new version. */
    StoredRuleSet put(String name, RuleSet ruleSet);

    /** Stores {@code ruleSet} unless the same body is already stored under {@code name}. */
    StoredRuleSet putIfChanged(String name, RuleSet ruleSet);

    /** False when there was no such rule set. */
    boolean delete(String name);
}
