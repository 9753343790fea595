package dev.matchplane.ticket;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A validated enqueue request; {@code groupId} is null when the client left it to the server. */
public record EnqueueCommand(String queueKey, @Nullable String groupId, List<String> members, int groupSize,
        @Nullable String region, @Nullable String constraintsJson) {

    public EnqueueCommand {
        members = List.copyOf(members);
    }
}
