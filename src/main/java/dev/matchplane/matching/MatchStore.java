package dev.matchplane.matching;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** What the tick reads and changes in the shared store; every method is one round trip. */
interface MatchStore {

    /**
     * The oldest {@code windowSize} waiting tickets of each active queue of the shard whose landType has a server that
     * heartbeat at or after {@code liveSince}, oldest first; queues without one are not read (one script call).
     */
    default Map<String, List<WaitingTicket>> matchableWindows(int shard, Instant liveSince, int windowSize) {
        Map<String, List<WaitingTicket>> windows = new java.util.LinkedHashMap<>();
        matchableWindows(shard, liveSince, windowSize, liveSince, List.of())
                .forEach((queueKey, window) -> windows.put(queueKey, window.tickets()));
        return windows;
    }

    /**
     * The same windows; those of queues matching one of {@code ruledPatterns} (the rule sets' queue globs) also
     * carry their tickets' player data and the free lands of live servers (counted at {@code now}), still in one
     * script call.
     */
    Map<String, QueueWindow> matchableWindows(int shard, Instant liveSince, int windowSize, Instant now,
            Collection<String> ruledPatterns);

    /**
     * Claims each proposal whose tickets all still wait; the result holds one entry per claimed proposal only. Every
     * queue of the proposals belongs to {@code shard}.
     *
     * @throws FencedException when {@code fence} no longer holds the shard's lock
     */
    List<ClaimedMatch> claim(int shard, long fence, Map<String, List<ProposedMatch>> proposalsByQueue,
            Instant leaseEnd);

    /**
     * Assigns every ticket of each match or none of them; result[i] tells whether commits[i] landed. Renews the
     * shard's lock in the same step ({@link TickLock#acquireOrRenew}'s rules), since signing before it took time.
     *
     * @throws FencedException when another instance holds the shard's lock
     */
    List<Boolean> commit(int shard, long fence, List<MatchCommit> commits, Instant now, Instant assignmentExpiry);

    /** Puts the still-claimed tickets of these matches back in their queues, with their enqueue times. */
    int release(List<ClaimedMatch> matches);

    /** Returns tickets whose claim lease ended (their instance died mid-tick), at most {@code batch}. */
    int releaseStaleClaims(Instant now, int batch);

    /** Expires queued tickets past their deadline, at most {@code batch}. */
    int expireOverdue(Instant now, int batch);

    /** Moves the queues left in the active-queues set of before sharding to their shard's set. */
    int rehomeLegacyQueues(QueueShards shards);
}
