package dev.matchplane.matching;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.matchplane.provisioning.GameServerRegistry;
import dev.matchplane.rulesets.RuleSets;
import dev.matchplane.support.IntegrationTest;
import dev.matchplane.ticket.TicketService;
import dev.matchplane.token.MatchTokens;
import dev.matchplane.token.TokenClaims;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.ObjectMapper;

/**
 * Base of tests that drive ticks by hand (subclasses set {@code matchmaking.role=api}, so no scheduler ticks): each
 * {@link #engine} stands for one more instance sharing the context's Redis adapters, with its own fencing token.
 */
abstract class EngineIntegrationTest extends IntegrationTest {

    @Autowired
    TickLock lock;
    @Autowired
    MatchStore store;
    @Autowired
    GameServerRegistry servers;
    @Autowired
    MatchTokens tokens;
    @Autowired
    QueueCatalog catalog;
    @Autowired
    MatchmakingProperties properties;
    @Autowired
    ObjectMapper json;
    @Autowired
    TicketService tickets;
    @Autowired
    Clock clock;
    @Autowired
    MatchingMetrics metrics;
    @Autowired
    Backfills backfills;
    @Autowired
    RuleSets ruleSets;
    @Autowired
    QueueShards shards;

    /** An engine signing with {@code signer}; a stand-in without signing threads of its own is given one. */
    MatchingEngine engine(MatchTokens signer) {
        MatchTokens signing = hasSigningThreads(signer) ? signer : onItsOwnThread(signer);
        return new MatchingEngine(lock, store, servers, new AssignmentFactory(signing, json), catalog, properties,
                metrics, ruleSets, backfills, shards);
    }

    /** Every shard's lock lapses at once, as a long pause of the instance holding them would let them lapse. */
    void dropShardLocks() {
        redis.delete(shardLocks());
    }

    /** The lock keys of all shards. */
    List<String> shardLocks() {
        List<String> locks = new java.util.ArrayList<>();
        for (int shard = 0; shard < shards.count(); shard++) {
            locks.add(keys.shardLock(shard));
        }
        return locks;
    }

    /** Forgets every shard's active queues, so that a tick sees only what a test enqueues after this. */
    void forgetActiveQueues() {
        for (int shard = 0; shard < shards.count(); shard++) {
            redis.delete(keys.activeQueues(shard));
        }
    }

    /** The windows of every shard's active queues, as one instance holding all shards reads them. */
    java.util.Map<String, List<WaitingTicket>> windowsOfAllShards(java.time.Instant liveSince, int windowSize) {
        java.util.Map<String, List<WaitingTicket>> all = new java.util.HashMap<>();
        for (int shard = 0; shard < shards.count(); shard++) {
            all.putAll(store.matchableWindows(shard, liveSince, windowSize));
        }
        return all;
    }

    /** True unless the signer only has the interface's {@code signAllAsync} (a lambda or method reference). */
    private static boolean hasSigningThreads(MatchTokens signer) {
        try {
            return signer.getClass().getMethod("signAllAsync", List.class, Executor.class)
                    .getDeclaringClass() != MatchTokens.class;
        }
        catch (NoSuchMethodException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * The application's signer queues tokens on signing threads of its own, so the tick thread commits one slice
     * while the next is signed; a test's stand-in (a lambda) gets one such thread, so it signs off the tick thread
     * too and the tick runs in the same order as in production.
     */
    private static MatchTokens onItsOwnThread(MatchTokens signer) {
        ThreadPoolExecutor thread = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread signing = new Thread(runnable, "test-signing");
                    signing.setDaemon(true);
                    return signing;
                });
        thread.allowCoreThreadTimeOut(true);
        return new OwnThreadSigner(signer, thread);
    }

    private record OwnThreadSigner(MatchTokens signer, ExecutorService thread) implements MatchTokens {

        @Override
        public List<String> signAll(List<TokenClaims> claims) {
            return signer.signAll(claims);
        }

        @Override
        public CompletableFuture<List<String>> signAllAsync(List<TokenClaims> claims, Executor callerThread) {
            return CompletableFuture.supplyAsync(() -> signer.signAll(claims), thread);
        }
    }
}
