package dev.matchplane.matching;

import java.util.Map;

import dev.matchplane.matching.rules.SkillSpread;
import org.jspecify.annotations.Nullable;

/**
 * What a rule set decided about a match beyond its tickets: each ticket's team, the region its land must go to
 * ({@code requiredRegion}, from a latency rule) or should go to first ({@code preferredRegion}, where the matcher
 * counted free land), the values reported in {@code matchAttributes}, and how close the parties are on the distance
 * rule's attribute ({@code skillSpread}, for the recent-matches list; null without a distance rule). Matches of
 * queues without a rule set have none.
 */
public record MatchLayout(Map<String, String> teamByTicket, @Nullable String requiredRegion,
        @Nullable String preferredRegion, Map<String, Object> matchAttributes, @Nullable SkillSpread skillSpread) {

    public MatchLayout {
        teamByTicket = Map.copyOf(teamByTicket);
        matchAttributes = Map.copyOf(matchAttributes);
    }
}
