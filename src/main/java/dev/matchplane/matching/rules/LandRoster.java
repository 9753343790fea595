package dev.matchplane.matching.rules;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A running land as a backfill request describes it to the rules: the open slots per team, the players on it now
 * (each with their team; empty when the game server reported none), the region of its server (null when unknown)
 * and the {@code matchAttributes} its match was formed with (empty when unknown).
 */
public record LandRoster(Map<String, Integer> openSlots, Map<String, SeatedPlayer> players, @Nullable String region,
        Map<String, Object> matchAttributes) {

    public LandRoster {
        openSlots = Map.copyOf(openSlots);
        players = Map.copyOf(players);
        matchAttributes = Map.copyOf(matchAttributes);
    }

    /** One player on the land: its team and what the game server reported of it. */
    public record SeatedPlayer(String team, PlayerData data) {
    }
}
