package dev.matchplane.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLongArray;

import dev.matchplane.provisioning.GameServerRegistry;
import dev.matchplane.rulesets.RuleSets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One matching tick of one shard, in the steps of docs/architecture.md:
 * <ol>
 * <li>lock: take or renew the shard's lock ({@link TickLock}); an instance that does not hold it stops here;</li>
 * <li>backfill: open backfill requests of the shard's queues are filled first ({@link BackfillStep});</li>
 * <li>windows and match: {@link TickPlanner} reads the shard's windows and proposes matches;</li>
 * <li>claim, allocate, sign, commit: {@link TickPipeline}, which also carries a full tick's next window and hands
 * back whatever it does not commit;</li>
 * <li>sweeps, on shard 0 only (they are global: done once, not once per shard): expire overdue tickets and backfill
 * requests, return dead ticks' claims, forget dead servers.</li>
 * </ol>
 * The sweeps come after matching because no match of this tick should wait for their round trips. A claim whose
 * lease ended is back in its queue for the next tick; a ticket past its max wait that the sweep has not yet expired
 * is left out of the window by the planner, so it is never matched after its deadline. The engine keeps the fence
 * of every shard this instance holds; which shards it should hold is {@link ShardBalancer}'s decision.
 */
@Component
class MatchingEngine {

    private static final Logger log = LoggerFactory.getLogger(MatchingEngine.class);
    static final int SWEEPING_SHARD = 0;

    private final TickLock lock;
    private final MatchStore store;
    private final GameServerRegistry servers;
    private final TickPipeline pipeline;
    private final BackfillStep backfill;
    private final QueueShards shards;
    private final int sweepBatch;
    private final NextChange nextChange = new NextChange();
    private final AtomicLongArray fences;

    MatchingEngine(TickLock lock, MatchStore store, GameServerRegistry servers, AssignmentFactory assignments,
            QueueCatalog catalog, MatchmakingProperties properties, MatchingMetrics metrics, RuleSets ruleSets,
            Backfills backfills, QueueShards shards) {
        this.lock = lock;
        this.store = store;
        this.servers = servers;
        this.shards = shards;
        this.fences = new AtomicLongArray(shards.count());
        this.sweepBatch = properties.sweepBatch();
        TickPlanner planner = new TickPlanner(store, servers, catalog, properties, ruleSets, nextChange);
        BatchPreparer preparer = new BatchPreparer(planner, store, servers, new SliceSigning(assignments),
                properties);
        this.pipeline = new TickPipeline(preparer, store, servers, metrics, properties.claimLease());
        this.backfill = new BackfillStep(backfills, store, assignments, catalog, properties, ruleSets);
    }

    /**
     * A tick of every shard this engine can hold, as one instance alone would run it, shard 0 last so that its sweeps
     * come after all matching; a failing shard does not stop the others, its failure is thrown at the end.
     */
    TickReport tick(Instant now) {
        TickReport all = TickReport.follower();
        RuntimeException failed = null;
        for (int shard : lastSweeping(allShards())) {
            try {
                all = all.plus(tick(shard, now, true));
            }
            catch (RuntimeException failure) {
                if (failed == null) {
                    failed = failure;
                }
                else {
                    failed.addSuppressed(failure);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
        return all;
    }

    /**
     * One tick of one shard; {@code sweeping} false leaves the sweeps out (a tick an enqueue woke, when the last sweep
     * is less than an interval old: expiry and lease ends are not made any later than by the periodic tick alone).
     */
    TickReport tick(int shard, Instant now, boolean sweeping) {
        if (!holdLock(shard, now)) {
            return TickReport.follower();
        }
        boolean sweeps = sweeping && shard == SWEEPING_SHARD;
        TickOutcome matched = match(new TickContext(now, shard, fences.get(shard)), sweeps);
        if (matched.fenced()) {
            fences.set(shard, 0);
            return TickReport.leading(matched); // the new holder sweeps
        }
        TickReport report = TickReport.leading(matched);
        return sweeps ? report.withSweeps(sweep(now)) : report;
    }

    /** The earliest moment the last ticks' windows can match differently without a new enqueue ({@link NextChange}). */
    OptionalLong takeNextChange() {
        return nextChange.take();
    }

    /** Takes the shard if no instance holds it; true when this engine holds it now. */
    boolean take(int shard, Instant now) {
        return holdLock(shard, now);
    }

    /** Renews the shard's lock between ticks; false (and the shard is dropped) when another instance holds it. */
    boolean renew(int shard, Instant now) {
        return fences.get(shard) != 0 && holdLock(shard, now);
    }

    boolean holds(int shard) {
        return fences.get(shard) != 0;
    }

    /** The shards this engine holds, shard 0 last (its sweeps come after the others' matching in a round). */
    List<Integer> held() {
        List<Integer> held = new ArrayList<>();
        for (int shard = 0; shard < fences.length(); shard++) {
            if (fences.get(shard) != 0) {
                held.add(shard);
            }
        }
        return lastSweeping(held);
    }

    /** Takes or renews the shard's lock; its carried batch goes back unless this tick may still commit it. */
    private boolean holdLock(int shard, Instant now) {
        OptionalLong held = lock.acquireOrRenew(shard, fences.get(shard));
        if (held.isEmpty()) {
            pipeline.handBackCarried(shard); // claimed under a fence this instance no longer holds
            fences.set(shard, 0);
            return false;
        }
        fences.set(shard, held.getAsLong());
        pipeline.keepCarriedOnlyFor(new TickContext(now, shard, held.getAsLong()));
        return true;
    }

    /**
     * Windows, match, claim, allocate, sign, commit. Sweeps even when that failed: a ticket that makes every tick
     * fail (a bug, a damaged hash) must still expire at its deadline rather than wedge the queue for good.
     */
    private TickOutcome match(TickContext tick, boolean sweeps) {
        fillBackfills(tick, sweeps);
        try {
            return pipeline.run(tick);
        }
        catch (RuntimeException failure) {
            if (sweeps) {
                sweepAfter(failure, tick);
            }
            throw failure;
        }
    }

    /** A backfill failure (Redis blip, a bug) must not stop new matches: logged, and the next tick tries again. */
    private void fillBackfills(TickContext tick, boolean sweeps) {
        try {
            backfill.run(tick, sweeps);
        }
        catch (FencedException lost) {
            log.debug("Backfill step fenced: another instance holds shard {}", tick.shard());
        }
        catch (RuntimeException failure) {
            log.warn("Backfill step failed, matching goes on: {}", failure.toString());
        }
    }

    private void sweepAfter(RuntimeException failure, TickContext tick) {
        if (fences.get(tick.shard()) == 0) {
            return; // stepped down meanwhile: the next holder sweeps
        }
        try {
            sweep(tick.now());
        }
        catch (RuntimeException sweepFailure) {
            failure.addSuppressed(sweepFailure);
        }
    }

    private Sweeps sweep(Instant now) {
        Sweeps swept = new Sweeps(store.expireOverdue(now, sweepBatch), store.releaseStaleClaims(now, sweepBatch),
                servers.sweepDead(now, sweepBatch));
        int rehomed = store.rehomeLegacyQueues(shards);
        if (swept.expired() > 0 || swept.staleClaimsReturned() > 0 || rehomed > 0) {
            log.info("Sweep: {} ticket(s) expired past their max wait, {} claim(s) of a dead tick returned to their "
                    + "queue, {} queue(s) of before sharding moved to their shard", swept.expired(),
                    swept.staleClaimsReturned(), rehomed);
        }
        return swept;
    }

    /** Gives one shard up (its carried batch goes back first), so another instance takes it at once. */
    void release(int shard) {
        pipeline.handBackCarried(shard);
        long fence = fences.getAndSet(shard, 0);
        if (fence != 0) {
            lock.release(shard, fence);
        }
    }

    /** Gives every shard up on shutdown so other instances tick them at once. */
    void stepDown() {
        pipeline.handBackCarried();
        for (int shard = 0; shard < fences.length(); shard++) {
            release(shard);
        }
    }

    private List<Integer> allShards() {
        List<Integer> all = new ArrayList<>(shards.count());
        for (int shard = 0; shard < shards.count(); shard++) {
            all.add(shard);
        }
        return all;
    }

    private static List<Integer> lastSweeping(List<Integer> shardsInOrder) {
        List<Integer> ordered = new ArrayList<>(shardsInOrder);
        if (ordered.remove(Integer.valueOf(SWEEPING_SHARD))) {
            ordered.add(SWEEPING_SHARD);
        }
        return ordered;
    }
}
