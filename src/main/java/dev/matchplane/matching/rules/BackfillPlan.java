package dev.matchplane.matching.rules;

import java.util.List;
import java.util.Map;

/**
 * The tickets chosen for one backfill request, oldest first, each with the team whose slots it takes, and the
 * {@code matchAttributes} their assignments report (the land's match's when known).
 */
public record BackfillPlan(List<RuledMatch.Placement> placements, Map<String, Object> matchAttributes) {

    public static final BackfillPlan NONE = new BackfillPlan(List.of(), Map.of());

    public BackfillPlan {
        placements = List.copyOf(placements);
        matchAttributes = Map.copyOf(matchAttributes);
    }
}
