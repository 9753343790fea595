package dev.matchplane.matching;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.matchplane.provisioning.Allocation;
import dev.matchplane.provisioning.GameServerRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes a tick's matching: claim, allocate, sign, commit, one window (a {@link Batch}) at a time.
 *
 * <p>The lifecycle of a batch, the only one there is:
 * <ol>
 * <li><b>prepared</b> ({@link BatchPreparer}): planned, claimed under the tick's fence, placed on lands, and its
 * slices queued for signing;</li>
 * <li><b>carried</b>, only when the tick before was full: that tick prepared this batch while its own was being
 * committed, so the signing threads never sat idle during the Redis work of the next window. At most one batch per
 * shard is carried, and only a tick of that shard under the same fence within half the claim lease commits it;</li>
 * <li><b>committed</b> slice by slice as each is signed, each commit renewing the lock;</li>
 * <li>or <b>handed back</b> ({@link #handBack}, the one way out besides the commit): lock lost, a failed commit, a
 * late tick, step-down. Its signing is dropped, its lands and claims released. A crash leaves claims and lands to
 * their leases, and the claim ids make a stale commit refuse rather than double-book.</li>
 * </ol>
 */
final class TickPipeline {

    private static final Logger log = LoggerFactory.getLogger(TickPipeline.class);

    private final BatchPreparer preparer;
    private final MatchStore store;
    private final GameServerRegistry servers;
    private final MatchingMetrics metrics;
    private final Duration carryAtMost;
    private final Map<Integer, Batch> carried = new ConcurrentHashMap<>();

    TickPipeline(BatchPreparer preparer, MatchStore store, GameServerRegistry servers, MatchingMetrics metrics,
            Duration claimLease) {
        this.preparer = preparer;
        this.store = store;
        this.servers = servers;
        this.metrics = metrics;
        this.carryAtMost = claimLease.dividedBy(2);
    }

    /**
     * Hands the shard's carried batch back unless this tick may commit it: same fence, within half its claim lease.
     */
    void keepCarriedOnlyFor(TickContext tick) {
        Batch waiting = carried.get(tick.shard());
        if (waiting != null && (waiting.tick().fence() != tick.fence()
                || !tick.now().isBefore(waiting.tick().now().plus(carryAtMost)))) {
            handBackCarried(tick.shard());
        }
    }

    /** Hands the shard's carried batch back: its lock is lost or given up. */
    void handBackCarried(int shard) {
        Batch batch = takeCarried(shard);
        if (batch != null) {
            handBack(batch.placed(), batch.slices());
        }
    }

    /** Hands every carried batch back: the instance steps down. */
    void handBackCarried() {
        for (Integer shard : List.copyOf(carried.keySet())) {
            handBackCarried(shard);
        }
    }

    /** Commits the carried batch, or else prepares and commits a new one. */
    TickOutcome run(TickContext tick) {
        boolean settled = false;
        try {
            Batch batch = takeCarried(tick.shard());
            if (batch == null) {
                batch = preparer.prepare(tick);
            }
            TickOutcome outcome = batch == null ? TickOutcome.NOTHING
                    : batch.fenced() ? TickOutcome.fenced(batch.counts(), Commits.NONE)
                    : prepareNextThenCommit(batch, tick);
            settled = true;
            return outcome;
        }
        finally {
            if (!settled) {
                // an Error (the process is going down): drop the next batch as a crash would, the lease returns it
                Batch next = takeCarried(tick.shard());
                if (next != null) {
                    SliceSigning.drop(next.slices());
                }
            }
        }
    }

    /**
     * A full tick is followed at once by another (MatchingScheduler), whose window read, claim and allocation are
     * Redis work during which the signing threads would sit idle: so that next batch is prepared now, its signing
     * queued behind this batch's, and carried to the next tick.
     */
    private TickOutcome prepareNextThenCommit(Batch batch, TickContext tick) {
        if (batch.nextWindowWaits()) {
            try {
                Batch next = preparer.prepare(tick);
                if (next != null && !next.fenced()) {
                    carried.put(tick.shard(), next);
                }
            }
            catch (RuntimeException failure) {
                handBack(batch.placed(), batch.slices());
                throw failure;
            }
        }
        return commit(batch);
    }

    /**
     * Commits slice by slice as each is signed, each commit renewing the lock: signing a full window can outlast the
     * lock's TTL on a busy machine, and a lapsed lock would fence the whole tick's work away.
     */
    private TickOutcome commit(Batch batch) {
        Commits done = Commits.NONE;
        int from = 0;
        for (SliceSigning.Slice slice : batch.slices()) {
            List<Boolean> landed;
            try {
                List<MatchCommit> signed = SliceSigning.await(slice);
                // renews the lock too: signing is the slow step (a lapsed lock nobody took is re-taken)
                landed = store.commit(batch.tick().shard(), batch.tick().fence(), signed, batch.tick().now(),
                        batch.expiry());
            }
            catch (FencedException lost) {
                giveUp(batch, from);
                return TickOutcome.fenced(batch.counts(), done);
            }
            catch (RuntimeException failure) {
                giveUp(batch, from);
                throw failure;
            }
            done = done.plus(settle(batch.placed().range(from, slice.end()), landed, batch));
            from = slice.end();
        }
        return TickOutcome.committed(batch.counts(), done, batch.reachedCap());
    }

    /** This batch cannot be committed from {@code from} on, nor the next one at all: both go back. */
    private void giveUp(Batch batch, int from) {
        handBack(batch.placed().from(from), batch.slices());
        handBackCarried(batch.tick().shard());
    }

    /** Counts the committed matches and hands back those the commit refused (a ticket was cancelled meanwhile). */
    private Commits settle(Placements slice, List<Boolean> landed, Batch batch) {
        List<ClaimedMatch> refused = new ArrayList<>();
        List<Allocation> freed = new ArrayList<>();
        for (int i = 0; i < landed.size(); i++) {
            ClaimedMatch match = slice.matches().get(i);
            Allocation land = slice.lands().get(i);
            if (landed.get(i)) {
                metrics.matched(match, batch.tick().now());
                log.info("Match committed on land '{}' of server '{}' for tickets {}", land.landId(),
                        land.serverId(), match.tickets().stream().map(ClaimedTicket::ticketId).toList());
            }
            else {
                refused.add(match);
                freed.add(land);
            }
        }
        handBack(new Placements(refused, freed), List.of());
        return new Commits(slice.size() - refused.size(), refused.size());
    }

    /** Drops the signing of these slices, then releases the lands and the claims of these matches. */
    private void handBack(Placements placed, List<SliceSigning.Slice> signing) {
        SliceSigning.drop(signing);
        if (!placed.isEmpty()) {
            servers.release(placed.lands());
            store.release(placed.matches());
        }
    }

    private @Nullable Batch takeCarried(int shard) {
        return carried.remove(shard);
    }
}
