package dev.matchplane.ticket;

import java.util.List;
import java.util.Map;

import dev.matchplane.matching.rules.PlayerData;

import org.jspecify.annotations.Nullable;

/** A validated enqueue request; {@code groupId} is null when the client left it to the server. */
public record EnqueueCommand(String queueKey, @Nullable String groupId, List<String> members, int groupSize,
        @Nullable String region, @Nullable String constraintsJson, Map<String, PlayerData> players) {

    public EnqueueCommand {
        members = List.copyOf(members);
        players = Map.copyOf(players);
    }

    /** Without player data, as before rule sets. */
    public EnqueueCommand(String queueKey, @Nullable String groupId, List<String> members, int groupSize,
            @Nullable String region, @Nullable String constraintsJson) {
        this(queueKey, groupId, members, groupSize, region, constraintsJson, Map.of());
    }
}
