package dev.matchplane.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
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
    private final SliceSizer slices = new SliceSizer();
    /** Signs the next slice while the tick thread commits the current one; idles out between busy ticks. */
    private final ExecutorService assembler = assemblerThread();

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
        if (held.isEmpty()) {
            fence = 0;
            return TickReport.follower();
        }
        fence = held.getAsLong();
        int batch = properties.sweepBatch();
        TickReport report = TickReport.sweptOnly(store.expireOverdue(now, batch),
                store.releaseStaleClaims(now, batch), servers.sweepDead(now, batch));
        if (report.expired() > 0 || report.staleClaimsReturned() > 0) {
            log.info("Sweep: {} ticket(s) expired past their max wait, {} claim(s) of a dead tick returned to their "
                    + "queue", report.expired(), report.staleClaimsReturned());
        }
        Map<String, List<ProposedMatch>> proposals = planner.propose(now);
        if (proposals.isEmpty()) {
            return report;
        }
        int proposed = proposals.values().stream().mapToInt(List::size).sum();
        boolean reachedCap = proposals.values().stream().flatMap(List::stream).mapToInt(ProposedMatch::players)
                .sum() >= properties.maxPlayersPerTick();
        return matchAll(proposals, now, report, proposed).saturated(reachedCap);
    }

    private TickReport matchAll(Map<String, List<ProposedMatch>> proposals, Instant now, TickReport report,
            int proposed) {
        List<ClaimedMatch> claimed;
        try {
            claimed = store.claim(fence, proposals, now.plus(properties.claimLease()));
        }
        catch (FencedException lost) {
            fence = 0;
            return report.withMatching(proposed, 0, 0, 0, 0, true);
        }
        return assign(claimed, now, report, proposed);
    }

    /** Gives the lock up on shutdown so another instance ticks at once. */
    void stepDown() {
        if (fence != 0) {
            lock.release(fence);
            fence = 0;
        }
    }

    private TickReport assign(List<ClaimedMatch> claimed, Instant now, TickReport report, int proposed) {
        if (claimed.isEmpty()) {
            return report.withMatching(proposed, 0, 0, 0, 0, false);
        }
        Instant leaseEnd = now.plus(properties.claimLease());
        List<Optional<Allocation>> allocations = servers.allocate(allocationRequests(claimed, leaseEnd), now);
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
            return report.withMatching(proposed, claimed.size(), unplaced.size(), 0, 0, false);
        }
        return commit(placed, lands, now, report, proposed, claimed.size(), unplaced.size());
    }

    /**
     * Signs and commits in slices of about {@link SliceSizer#TARGET_MILLIS} of signing each, renewing the lock before
     * each commit: signing a full window can take longer than the lock's TTL on a busy machine, and a lapsed lock
     * would fence the whole tick's work away. The slices are pipelined: while one is committed (a Redis script, the
     * tick thread's work) the next is already being signed, so the signing threads do not wait for Redis, and the
     * first players are pushed their match after one slice rather than after the whole window.
     */
    private TickReport commit(List<ClaimedMatch> placed, List<Allocation> lands, Instant now, TickReport report,
            int proposed, int claimed, int unplaced) {
        Instant expiry = now.plus(properties.assignmentTtl());
        int committed = 0;
        int refused = 0;
        int from = 0;
        int to = slices.end(placed, from);
        Future<Signed> signing = signAhead(placed.subList(from, to), lands.subList(from, to), now, expiry);
        while (from < placed.size()) {
            List<ClaimedMatch> slice = placed.subList(from, to);
            List<Allocation> sliceLands = lands.subList(from, to);
            List<Boolean> landed;
            try {
                Signed signed = await(signing);
                int next = to < placed.size() ? slices.end(placed, to) : to;
                signing = next > to ? signAhead(placed.subList(to, next), lands.subList(to, next), now, expiry) : null;
                to = next;
                List<MatchCommit> commits = assignments.assemble(signed.prepared(), signed.tokens());
                // signing is the slow step: keep the lease (a lapsed lock nobody took is re-taken, see tick-renew.lua)
                if (!lock.renew(fence)) {
                    throw new FencedException();
                }
                landed = store.commit(fence, commits, now, expiry);
            }
            catch (FencedException lost) {
                fence = 0;
                abandon(signing);
                handBack(placed.subList(from, placed.size()), lands.subList(from, placed.size()));
                return report.withMatching(proposed, claimed, unplaced, committed, refused, true);
            }
            catch (RuntimeException failure) {
                abandon(signing);
                handBack(placed.subList(from, placed.size()), lands.subList(from, placed.size()));
                throw failure;
            }
            int sliceRefused = settle(slice, sliceLands, landed, now);
            committed += slice.size() - sliceRefused;
            refused += sliceRefused;
            from += slice.size();
        }
        return report.withMatching(proposed, claimed, unplaced, committed, refused, false);
    }

    /** A slice's ids and claims with their tokens, in the same order. */
    private record Signed(AssignmentFactory.Prepared prepared, List<String> tokens) {
    }

    /**
     * Starts signing a slice on the signing threads (through the assembler thread, which only waits for them) while
     * the tick thread turns the slice before it into assignments and commits it.
     */
    private Future<Signed> signAhead(List<ClaimedMatch> slice, List<Allocation> lands, Instant now, Instant expiry) {
        AssignmentFactory.Prepared prepared = assignments.prepare(slice, lands, now, expiry);
        return assembler.submit(() -> {
            long started = System.nanoTime();
            List<String> tokens = assignments.sign(prepared);
            slices.signed(slice, System.nanoTime() - started);
            return new Signed(prepared, tokens);
        });
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
    private static void abandon(@Nullable Future<Signed> signing) {
        if (signing != null) {
            signing.cancel(false);
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

    private void handBack(List<ClaimedMatch> matches, List<Allocation> lands) {
        if (!matches.isEmpty()) {
            servers.release(lands);
            store.release(matches);
        }
    }

    private static ExecutorService assemblerThread() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "tick-assembler");
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
