package dev.matchplane.console;

import java.util.Optional;

/**
 * The queues page's rule-set column: the name of the rule set in force for a queue (the rule-set feature's
 * rulesets/ConsoleRuleSets); a queue without one shows "—".
 */
public interface QueueRuleSets {

    Optional<String> ruleSetOf(String queueKey);
}
