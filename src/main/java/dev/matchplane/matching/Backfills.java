package dev.matchplane.matching;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.matchplane.matching.rules.LandRoster;
import dev.matchplane.provisioning.Allocation;
import org.jspecify.annotations.Nullable;

/**
 * Open backfill requests as the tick sees them: read them with their queues' oldest tickets, and fill them under the
 * tick's fencing token, never past a request's open slots.
 */
interface Backfills {

    /**
     * An open request with its land, as the tick fills it: the land's current players as reported, and the region
     * and {@code matchAttributes} its match's assignments carry (null and empty when unknown).
     */
    record OpenRequest(String landId, String backfillId, String queueKey, Map<String, Integer> slots,
            long createdAtMillis, Map<String, LandRoster.SeatedPlayer> players, Allocation land, String matchId,
            @Nullable String region, Map<String, Object> matchAttributes) {
    }

    /** The open requests and their queues' windows; a queue under a rule set comes with its player data. */
    record Read(List<OpenRequest> requests, Map<String, QueueWindow> windows) {
    }

    /** A claimed ticket to place in {@code team} of a request's land, with its signed assignment. */
    record Filled(ClaimedMatch claim, String team, String assignmentJson) {
    }

    record Fill(OpenRequest request, List<Filled> tickets) {
    }

    /**
     * Reads the open requests whose queue is an active queue of the shard, and those queues' oldest tickets, with
     * player data for queues matching one of {@code ruledPatterns}; with {@code expire} (the sweep, once for all
     * shards) first marks requests past their expiry as expired.
     */
    Read read(int shard, Instant now, int windowSize, boolean expire, Collection<String> ruledPatterns);

    /**
     * Fills in one atomic step; result[i] tells whether the i-th ticket (requests in order, tickets in order)
     * landed.
     *
     * @throws FencedException when {@code fence} no longer holds the shard's lock (nothing changed)
     */
    List<Boolean> fill(int shard, long fence, Instant now, Instant expiry, List<Fill> fills);
}
