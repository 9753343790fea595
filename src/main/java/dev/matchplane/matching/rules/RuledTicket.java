package dev.matchplane.matching.rules;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One waiting party as the rule matcher sees it: the window entry of today's tick plus each member's player data
 * and the ticket's preferred region. {@code members} keeps the enqueue order (the first member's lists give the
 * order of {@code intersect} values); a member missing from {@code players} reported nothing.
 */
public record RuledTicket(String ticketId, int groupSize, long enqueuedAtMillis, @Nullable String preferredRegion,
        List<String> members, Map<String, PlayerData> players) {

    public RuledTicket {
        Objects.requireNonNull(ticketId, "ticketId");
        members = List.copyOf(members);
        players = Map.copyOf(players);
        if (groupSize < 1 || groupSize != members.size()) {
            throw new IllegalArgumentException("groupSize must equal the number of members (>= 1), was " + groupSize);
        }
    }

    public PlayerData player(String playerId) {
        return players.getOrDefault(playerId, PlayerData.NONE);
    }
}
