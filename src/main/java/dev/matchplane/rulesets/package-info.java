/**
 * Rule sets as the service keeps them: versioned in Redis behind {@link dev.matchplane.rulesets.RuleSets}, served by
 * the admin API, loaded from {@code matchmaking.rulesets} at start. The model, its validation and the matcher live
 * in {@link dev.matchplane.matching.rules} and stay pure.
 */
@NullMarked
package dev.matchplane.rulesets;

import org.jspecify.annotations.NullMarked;
