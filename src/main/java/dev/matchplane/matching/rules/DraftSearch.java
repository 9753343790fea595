package dev.matchplane.matching.rules;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Completes a draft to full teams with the lexicographically oldest set of candidates that keeps every rule: a
 * depth-first search over the candidates in age order whose first path is the greedy fill. Greedy alone misses
 * completions such as a party of 3 beside a party of 2 for 5 places when a younger 2 came first; the search finds
 * them, within a node budget so an unlucky seed stays cheap (it then waits for the next tick).
 */
final class DraftSearch {

    private final List<TicketProfile> candidates;
    private final int[] playersFrom;
    private int budget;

    private DraftSearch(List<TicketProfile> candidates, int budget) {
        this.candidates = candidates;
        this.budget = budget;
        playersFrom = new int[candidates.size() + 1];
        for (int i = candidates.size() - 1; i >= 0; i--) {
            playersFrom[i] = playersFrom[i + 1] + candidates.get(i).ticket.groupSize();
        }
    }

    /** A full draft, or null when none was found within {@code budget} additions tried. */
    static @Nullable MatchDraft fill(MatchDraft seedOnly, List<TicketProfile> candidates, int maxPlayers,
            int budget) {
        return new DraftSearch(candidates, budget).search(seedOnly, 0, maxPlayers);
    }

    private @Nullable MatchDraft search(MatchDraft draft, int from, int maxPlayers) {
        if (draft.full()) {
            return draft;
        }
        for (int i = from; i < candidates.size(); i++) {
            if (draft.players + playersFrom[i] < maxPlayers || budget-- <= 0) {
                return null; // the rest cannot reach full teams, or the budget is spent
            }
            MatchDraft next = draft.copy();
            if (next.tryAdd(candidates.get(i))) {
                MatchDraft found = search(next, i + 1, maxPlayers);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
