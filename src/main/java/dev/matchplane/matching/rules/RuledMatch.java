package dev.matchplane.matching.rules;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A proposed match under a rule set. {@code tickets} are oldest first, each with its team. {@code region} is set
 * when a latency rule chose it: the land must go to a server of that region. {@code capacityRegion} is the region
 * whose free land the matcher counted for this match (null: a server without region), which the tick should try
 * first. {@code matchAttributes} holds each equals value and each intersect's first shared value. {@code skillSpread}
 * is set when the rule set has a distance rule.
 */
public record RuledMatch(List<Placement> tickets, @Nullable String region, @Nullable String capacityRegion,
        Map<String, Object> matchAttributes, @Nullable SkillSpread skillSpread) {

    public RuledMatch {
        tickets = List.copyOf(tickets);
        matchAttributes = Map.copyOf(matchAttributes);
    }

    /** One ticket of the match and the team it plays on. */
    public record Placement(RuledTicket ticket, String team) {
    }

    public int players() {
        return tickets.stream().mapToInt(placement -> placement.ticket().groupSize()).sum();
    }
}
