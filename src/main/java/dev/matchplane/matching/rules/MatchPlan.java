package dev.matchplane.matching.rules;

import java.util.List;
import java.util.OptionalLong;

/**
 * The matcher's answer: matches in the order formed (oldest seed first), and the earliest epoch millis after
 * {@code now} at which the answer can change without a new enqueue (a min-wait end, relax-after, expansion step or
 * max-wait of a ticket left waiting), so the tick can schedule its wake-up.
 */
public record MatchPlan(List<RuledMatch> matches, OptionalLong nextChangeAtMillis) {

    public MatchPlan {
        matches = List.copyOf(matches);
    }
}
