package dev.matchplane.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.matchplane.provisioning.Allocation;
import dev.matchplane.provisioning.AllocationRequest;
import dev.matchplane.provisioning.GameServerRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One matching tick (DESIGN.md "Flow"): under the lock, sweep, read bounded windows of queues that have a live
 * server, propose matches, claim, allocate lands, sign, commit. Every failure path hands claims and lands back,
 * and what a crash leaves behind is returned by the lease sweep.
 */
@Component
class MatchingEngine {

    private static final Logger log = LoggerFactory.getLogger(MatchingEngine.class);

    private final TickLock lock;
    private final MatchStore store;
    private final GameServerRegistry servers;
    private final AssignmentFactory assignments;
    private final TickPlanner planner;
    private final MatchmakingProperties properties;
    private final MatchingMetrics metrics;
    private volatile long fence;
    /** The next tick's batch, claimed and queued for signing while a full tick committed its own (see tick). */
    private volatile @Nullable Batch carried;
    private final SliceSizer slices = new SliceSizer();
    /** Signs slices for a {@link dev.matchplane.token.MatchTokens} without threads of its own; idles out. */
    private final ExecutorService fallbackSigning = fallbackSigningThread();

    MatchingEngine(TickLock lock, MatchStore store, GameServerRegistry servers, AssignmentFactory assignments,
            QueueCatalog catalog, MatchmakingProperties properties, MatchingMetrics metrics) {
        this.lock = lock;
        this.store = store;
        this.servers = servers;
        this.assignments = assignments;
        this.planner = new TickPlanner(store, servers, catalog, properties);
        this.properties = properties;
        this.metrics = metrics;
    }

    TickReport tick(Instant now) {
        OptionalLong held = lock.acquireOrRenew(fence);
        if (held.isEmpty() || held.getAsLong() != fence) {
            handBack(takeCarried()); // claimed under a fence this instance no longer holds
        }
        if (held.isEmpty()) {
            fence = 0;
            return TickReport.follower();
        }
        fence = held.getAsLong();
        Batch waiting = carried;
        if (waiting != null && !now.isBefore(waiting.now().plus(properties.claimLease().dividedBy(2)))) {
            handBack(takeCarried()); // waited too long (the scheduler paused): its lease is half gone, claim afresh
        }
        TickReport matched;
        try {
            matched = match(now);
        }
        catch (RuntimeException failure) {
            sweepAfterFailure(now, failure);
            throw failure;
        }
        return fence == 0 ? matched : matched.withSweeps(sweep(now)); // fenced: the new holder sweeps
    }

    /**
     * Proposes, claims, signs and commits one window (or the carried one). The sweeps come after it, not before: they
     * are three Redis round trips that no match of this tick waits for. A claim whose lease ended is back in its queue
     * for the next tick, as before; a ticket past its max wait that the sweep has not yet expired is left out of the
     * window by the planner, so it is never matched after its deadline.
     */
    private TickReport match(Instant now) {
        TickReport report = TickReport.leading();
        boolean settled = false;
        try {
            Batch batch = takeCarried();
            if (batch == null) {
                batch = prepare(now);
            }
            if (batch == null) {
                settled = true;
                return report;
            }
            if (batch.fenced()) {
                fence = 0;
                settled = true;
                return report.withMatching(batch.proposed(), 0, 0, 0, 0, true);
            }
            prepareNextWhileSigning(batch, now);
            TickReport done = commit(batch, report);
            settled = true;
            return done;
        }
        finally {
            if (!settled) {
                // an Error (the process is going down): drop the next batch as a crash would, the lease returns it
                abandon(takeCarried());
            }
        }
    }

    private Sweeps sweep(Instant now) {
        int batch = properties.sweepBatch();
        Sweeps swept = new Sweeps(store.expireOverdue(now, batch), store.releaseStaleClaims(now, batch),
                servers.sweepDead(now, batch));
        if (swept.expired() > 0 || swept.staleClaimsReturned() > 0) {
            log.info("Sweep: {} ticket(s) expired past their max wait, {} claim(s) of a dead tick returned to their "
                    + "queue", swept.expired(), swept.staleClaimsReturned());
        }
        return swept;
    }

    /**
     * Sweeps even when matching failed: a ticket that makes every tick fail (a bug, a damaged hash) must still
     * expire at its deadline rather than wedge the queue for good.
     */
    private void sweepAfterFailure(Instant now, RuntimeException failure) {
        if (fence == 0) {
            return;
        }
        try {
            sweep(now);
        }
        catch (RuntimeException sweepFailure) {
            failure.addSuppressed(sweepFailure);
        }
    }

    /**
     * A tick that stopped at {@code max-players-per-tick} is followed at once by another (MatchingScheduler). That
     * next tick's window read, claim and allocation are Redis work during which the signing threads would sit idle,
     * so they are done now, while this batch is signed, and its signing is queued behind this batch's. The next tick
     * commits it. Its claims are held under this tick's fence and lease; every path that does not commit them hands
     * them back, and the claim ids make a late or stale commit refuse rather than double-book.
     */
    private void prepareNextWhileSigning(Batch batch, Instant now) {
        if (!batch.reachedCap() || batch.placed().isEmpty()) {
            return;
        }
        try {
            Batch next = prepare(now);
            carried = next != null && !next.fenced() ? next : null;
        }
        catch (RuntimeException failure) {
            abandon(batch);
            handBack(batch.placed(), batch.lands());
            throw failure;
        }
    }

    /** Proposes, claims, allocates and starts signing one window's matches; null when there is nothing to match. */
    private @Nullable Batch prepare(Instant now) {
        Map<String, List<ProposedMatch>> proposals = planner.propose(now);
        if (proposals.isEmpty()) {
            return null;
        }
        int proposed = proposals.values().stream().mapToInt(List::size).sum();
        boolean reachedCap = proposals.values().stream().flatMap(List::stream).mapToInt(ProposedMatch::players)
                .sum() >= properties.maxPlayersPerTick();
        List<ClaimedMatch> claimed;
        try {
            claimed = store.claim(fence, proposals, now.plus(properties.claimLease()));
        }
        catch (FencedException lost) {
            return Batch.fenced(now, proposed);
        }
        if (claimed.isEmpty()) {
            return Batch.unplaced(now, proposed, 0, 0, reachedCap);
        }
        List<Optional<Allocation>> allocations = servers.allocate(
                allocationRequests(claimed, now.plus(properties.claimLease())), now);
        List<ClaimedMatch> placed = new ArrayList<>();
        List<Allocation> lands = new ArrayList<>();
        List<ClaimedMatch> unplaced = new ArrayList<>();
        for (int i = 0; i < claimed.size(); i++) {
            if (allocations.get(i).isPresent()) {
                placed.add(claimed.get(i));
                lands.add(allocations.get(i).get());
            }
            else {
                unplaced.add(claimed.get(i));
            }
        }
        store.release(unplaced);
        if (placed.isEmpty()) {
            return Batch.unplaced(now, proposed, claimed.size(), unplaced.size(), reachedCap);
        }
        return signInSlices(now, placed, lands, proposed, claimed.size(), unplaced.size(), reachedCap);
    }

    /** Gives the lock up on shutdown so another instance ticks at once. */
    void stepDown() {
        handBack(takeCarried());
        if (fence != 0) {
            lock.release(fence);
            fence = 0;
        }
    }

    /**
     * Cuts the batch into slices of about {@link SliceSizer#TARGET_MILLIS} of signing each and queues them all for
     * signing on the signing threads.
     */
    private Batch signInSlices(Instant now, List<ClaimedMatch> placed, List<Allocation> lands, int proposed,
            int claimed, int unplaced, boolean reachedCap) {
        Instant expiry = now.plus(properties.assignmentTtl());
        List<Slice> queued = new ArrayList<>();
        for (int from = 0; from < placed.size();) {
            int to = slices.end(placed, from);
            queued.add(new Slice(to, signAhead(placed.subList(from, to), lands.subList(from, to), now, expiry)));
            from = to;
        }
        return new Batch(now, expiry, placed, lands, queued, proposed, claimed, unplaced, reachedCap, false);
    }

    /**
     * Commits the batch slice by slice as each is signed, each commit renewing the lock: signing a full window can
     * take longer than the lock's TTL on a busy machine, and a lapsed lock would fence the whole tick's work away.
     * While one slice is committed (a Redis script, the tick thread's work) the next ones are being signed, so the
     * signing threads do not wait for Redis, and the first players are pushed their match after one slice rather
     * than after the whole window.
     */
    private TickReport commit(Batch batch, TickReport report) {
        int committed = 0;
        int refused = 0;
        int from = 0;
        for (Slice queued : batch.slices()) {
            int to = queued.end();
            List<ClaimedMatch> slice = batch.placed().subList(from, to);
            List<Allocation> sliceLands = batch.lands().subList(from, to);
            List<Boolean> landed;
            try {
                Signed signed = await(queued.signing());
                // renews the lock too: signing is the slow step (a lapsed lock nobody took is re-taken)
                landed = store.commit(fence, signed.commits(), batch.now(), batch.expiry());
            }
            catch (FencedException lost) {
                fence = 0;
                giveUp(batch, from);
                return report.withMatching(batch.proposed(), batch.claimed(), batch.unplaced(), committed, refused,
                        true).saturated(false);
            }
            catch (RuntimeException failure) {
                giveUp(batch, from);
                throw failure;
            }
            int sliceRefused = settle(slice, sliceLands, landed, batch.now());
            committed += slice.size() - sliceRefused;
            refused += sliceRefused;
            from = to;
        }
        return report.withMatching(batch.proposed(), batch.claimed(), batch.unplaced(), committed, refused, false)
                .saturated(batch.reachedCap());
    }

    /** This batch cannot be committed from {@code from} on, nor the next one at all: both go back to their queues. */
    private void giveUp(Batch batch, int from) {
        abandon(batch);
        handBack(batch.placed().subList(from, batch.placed().size()),
                batch.lands().subList(from, batch.placed().size()));
        handBack(takeCarried());
    }

    private @Nullable Batch takeCarried() {
        Batch taken = carried;
        carried = null;
        return taken;
    }

    /**
     * One window's matches, claimed and placed on lands, with their signing already queued; or what a tick that got
     * no further learned (nothing claimed, no land, fenced).
     */
    private record Batch(Instant now, Instant expiry, List<ClaimedMatch> placed, List<Allocation> lands,
            List<Slice> slices, int proposed, int claimed, int unplaced,
            boolean reachedCap, boolean fenced) {

        static Batch fenced(Instant now, int proposed) {
            return new Batch(now, now, List.of(), List.of(), List.of(), proposed, 0, 0, false, true);
        }

        static Batch unplaced(Instant now, int proposed, int claimed, int unplaced, boolean reachedCap) {
            return new Batch(now, now, List.of(), List.of(), List.of(), proposed, claimed, unplaced,
                    reachedCap, false);
        }
    }

    /** The matches of a batch up to index {@code end} (exclusive, after the slice before), and their signing. */
    private record Slice(int end, Future<Signed> signing) {
    }

    /** A slice's assignments, ready to commit. */
    private record Signed(List<MatchCommit> commits) {
    }

    /**
     * Starts signing a slice: queued on the signing threads behind the slices before it, so they never wait for the
     * tick thread, which commits finished slices meanwhile. Cancelling the returned future also cancels the signing
     * of the slice's chunks that have not started.
     */
    private Future<Signed> signAhead(List<ClaimedMatch> slice, List<Allocation> lands, Instant now, Instant expiry) {
        AssignmentFactory.Prepared prepared = assignments.prepare(slice, lands, now, expiry);
        long queued = System.nanoTime();
        CompletableFuture<List<String>> tokens = assignments.sign(prepared, fallbackSigning);
        CompletableFuture<Signed> signed = tokens.thenApply(signedTokens -> {
            slices.signed(slice, queued, System.nanoTime());
            // on the signing thread, which is done with this slice: the tick thread only commits
            return new Signed(assignments.assemble(prepared, signedTokens));
        });
        signed.whenComplete((result, failure) -> {
            if (signed.isCancelled()) {
                tokens.cancel(false);
            }
        });
        return signed;
    }

    private static Signed await(Future<Signed> signing) {
        try {
            return signing.get();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signing a slice", ex);
        }
        catch (ExecutionException ex) {
            // rethrown as they came, as if the tick thread had signed: an Error must not be taken for a failure
            // that hands the slice back (see the crash test)
            if (ex.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (ex.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("signing a slice failed", ex.getCause());
        }
    }

    /** Tokens of a slice that is not committed are never stored or sent anywhere: dropping them is enough. */
    private static void abandon(@Nullable Batch batch) {
        if (batch != null) {
            batch.slices().forEach(slice -> slice.signing().cancel(false));
        }
    }

    /** Counts the committed matches and releases those the commit refused (a ticket was cancelled meanwhile). */
    private int settle(List<ClaimedMatch> slice, List<Allocation> sliceLands, List<Boolean> landed, Instant now) {
        List<ClaimedMatch> refused = new ArrayList<>();
        List<Allocation> freed = new ArrayList<>();
        for (int i = 0; i < landed.size(); i++) {
            if (landed.get(i)) {
                metrics.matched(slice.get(i), now);
                log.info("Match committed on land '{}' of server '{}' for tickets {}", sliceLands.get(i).landId(),
                        sliceLands.get(i).serverId(), slice.get(i).tickets().stream().map(ClaimedTicket::ticketId)
                                .toList());
            }
            else {
                refused.add(slice.get(i));
                freed.add(sliceLands.get(i));
            }
        }
        handBack(refused, freed);
        return refused.size();
    }

    private void handBack(@Nullable Batch batch) {
        if (batch != null) {
            abandon(batch);
            handBack(batch.placed(), batch.lands());
        }
    }

    private void handBack(List<ClaimedMatch> matches, List<Allocation> lands) {
        if (!matches.isEmpty()) {
            servers.release(lands);
            store.release(matches);
        }
    }

    private static ExecutorService fallbackSigningThread() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "tick-signing-fallback");
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    private static List<AllocationRequest> allocationRequests(List<ClaimedMatch> claimed, Instant leaseEnd) {
        List<AllocationRequest> requests = new ArrayList<>(claimed.size());
        for (ClaimedMatch match : claimed) {
            String landType = QueuePolicy.landTypeOf(match.queueKey());
            requests.add(new AllocationRequest(landType, match.oldest().region(), landType + ":" + UUID.randomUUID(),
                    leaseEnd.toEpochMilli()));
        }
        return requests;
    }
}
