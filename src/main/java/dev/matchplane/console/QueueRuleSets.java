package dev.matchplane.console;

import java.util.Optional;

/**
 * Hook for the queues page's rule-set column: the name of the rule set in force for a queue. No implementation
 * exists yet (rule sets are work in flight), so the column shows "—"; the rule-set feature provides a bean of this
 * type and the column fills in.
 */
public interface QueueRuleSets {

    Optional<String> ruleSetOf(String queueKey);
}
