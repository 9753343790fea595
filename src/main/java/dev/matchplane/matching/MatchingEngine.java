package dev.matchplane.matching;

import java.time.Instant;
import java.util.OptionalLong;

import dev.matchplane.provisioning.GameServerRegistry;
import dev.matchplane.rulesets.RuleSets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One matching tick, in the steps of docs/architecture.md:
 * <ol>
 * <li>lock: take or renew the tick lock ({@link TickLock}); a follower stops here;</li>
 * <li>backfill: open backfill requests are filled from their land's queue first ({@link BackfillStep});</li>
 * <li>windows and match: {@link TickPlanner} reads the windows and proposes matches;</li>
 * <li>claim, allocate, sign, commit: {@link TickPipeline}, which also carries a full tick's next window and hands
 * back whatever it does not commit;</li>
 * <li>sweeps: expire overdue tickets, return dead ticks' claims, forget dead servers.</li>
 * </ol>
 * The sweeps come after matching because no match of this tick should wait for their three round trips. A claim
 * whose lease ended is back in its queue for the next tick; a ticket past its max wait that the sweep has not yet
 * expired is left out of the window by the planner, so it is never matched after its deadline.
 */
@Component
class MatchingEngine {

    private static final Logger log = LoggerFactory.getLogger(MatchingEngine.class);

    private final TickLock lock;
    private final MatchStore store;
    private final GameServerRegistry servers;
    private final TickPipeline pipeline;
    private final BackfillStep backfill;
    private final int sweepBatch;
    private final NextChange nextChange = new NextChange();
    private volatile long fence;

    MatchingEngine(TickLock lock, MatchStore store, GameServerRegistry servers, AssignmentFactory assignments,
            QueueCatalog catalog, MatchmakingProperties properties, MatchingMetrics metrics, RuleSets ruleSets,
            Backfills backfills) {
        this.lock = lock;
        this.store = store;
        this.servers = servers;
        this.sweepBatch = properties.sweepBatch();
        TickPlanner planner = new TickPlanner(store, servers, catalog, properties, ruleSets, nextChange);
        BatchPreparer preparer = new BatchPreparer(planner, store, servers, new SliceSigning(assignments),
                properties);
        this.pipeline = new TickPipeline(preparer, store, servers, metrics, properties.claimLease());
        this.backfill = new BackfillStep(backfills, store, assignments, catalog, properties, ruleSets);
    }

    TickReport tick(Instant now) {
        return tick(now, true);
    }

    /**
     * One tick; {@code sweeping} false leaves the sweeps out (a tick an enqueue woke, when the last sweep is less than
     * an interval old: expiry and lease ends are not made any later than by the periodic tick alone).
     */
    TickReport tick(Instant now, boolean sweeping) {
        if (!holdLock(now)) {
            return TickReport.follower();
        }
        TickOutcome matched = match(new TickContext(now, fence));
        if (matched.fenced()) {
            fence = 0;
            return TickReport.leading(matched); // the new holder sweeps
        }
        TickReport report = TickReport.leading(matched);
        return sweeping ? report.withSweeps(sweep(now)) : report;
    }

    /** The earliest moment the last ticks' windows can match differently without a new enqueue ({@link NextChange}). */
    OptionalLong takeNextChange() {
        return nextChange.take();
    }

    /** Takes or renews the lock; the carried batch goes back unless this tick may still commit it. */
    private boolean holdLock(Instant now) {
        OptionalLong held = lock.acquireOrRenew(fence);
        if (held.isEmpty()) {
            pipeline.handBackCarried(); // claimed under a fence this instance no longer holds
            fence = 0;
            return false;
        }
        fence = held.getAsLong();
        pipeline.keepCarriedOnlyFor(new TickContext(now, fence));
        return true;
    }

    /**
     * Windows, match, claim, allocate, sign, commit. Sweeps even when that failed: a ticket that makes every tick
     * fail (a bug, a damaged hash) must still expire at its deadline rather than wedge the queue for good.
     */
    private TickOutcome match(TickContext tick) {
        fillBackfills(tick);
        try {
            return pipeline.run(tick);
        }
        catch (RuntimeException failure) {
            sweepAfter(failure, tick.now());
            throw failure;
        }
    }

    /** A backfill failure (Redis blip, a bug) must not stop new matches: logged, and the next tick tries again. */
    private void fillBackfills(TickContext tick) {
        try {
            backfill.run(tick);
        }
        catch (FencedException lost) {
            log.debug("Backfill step fenced: another instance holds the tick lock");
        }
        catch (RuntimeException failure) {
            log.warn("Backfill step failed, matching goes on: {}", failure.toString());
        }
    }

    private void sweepAfter(RuntimeException failure, Instant now) {
        if (fence == 0) {
            return; // stepped down meanwhile: the next holder sweeps
        }
        try {
            sweep(now);
        }
        catch (RuntimeException sweepFailure) {
            failure.addSuppressed(sweepFailure);
        }
    }

    private Sweeps sweep(Instant now) {
        Sweeps swept = new Sweeps(store.expireOverdue(now, sweepBatch), store.releaseStaleClaims(now, sweepBatch),
                servers.sweepDead(now, sweepBatch));
        if (swept.expired() > 0 || swept.staleClaimsReturned() > 0) {
            log.info("Sweep: {} ticket(s) expired past their max wait, {} claim(s) of a dead tick returned to their "
                    + "queue", swept.expired(), swept.staleClaimsReturned());
        }
        return swept;
    }

    /** Gives the lock up on shutdown so another instance ticks at once. */
    void stepDown() {
        pipeline.handBackCarried();
        if (fence != 0) {
            lock.release(fence);
            fence = 0;
        }
    }
}
