package dev.matchplane.matching;

import java.util.List;
import java.util.Map;

/**
 * What a tick proposes to match, per queue: the output of planning (windows read, matcher run) and the input of the
 * {@link TickPipeline}, which claims, allocates, signs and commits it.
 *
 * @param reachedCap the proposals add up to {@code max-players-per-tick}: more matches are waiting
 */
record TickPlan(Map<String, List<ProposedMatch>> proposals, int proposed, boolean reachedCap) {

    static TickPlan of(Map<String, List<ProposedMatch>> proposals, int maxPlayersPerTick) {
        int proposed = proposals.values().stream().mapToInt(List::size).sum();
        int players = proposals.values().stream().flatMap(List::stream).mapToInt(ProposedMatch::players).sum();
        return new TickPlan(proposals, proposed, players >= maxPlayersPerTick);
    }

    boolean isEmpty() {
        return proposals.isEmpty();
    }
}
