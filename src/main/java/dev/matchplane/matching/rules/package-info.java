/**
 * Rule-set matching as pure functions: the rule-set model and its validation ({@link RuleSet},
 * {@link RuleSetValidator}, {@link QueueGlobs}), the player data of a ticket and its check at enqueue
 * ({@link RuledTicket}, {@link PlayerDataCheck}), the matcher ({@link RuleMatcher}) and backfill of a running land
 * ({@link BackfillMatcher}).
 *
 * <p>No Redis, no web types and no clock reads: the caller passes the rule set in force, the window, {@code now}
 * and the free server capacity, and gets proposed matches plus the next time the result can change without a new
 * enqueue. The tick stays the seam: it reads the window, calls {@link RuleMatcher#propose} for queues with a rule
 * set (and the size-only {@code Matcher} for the others), and claims the proposals atomically.
 */
@NullMarked
package dev.matchplane.matching.rules;

import org.jspecify.annotations.NullMarked;
