package dev.matchplane.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.matchplane.provisioning.GameServer;
import dev.matchplane.ticket.EnqueueCommand;
import dev.matchplane.ticket.Ticket;
import dev.matchplane.ticket.TicketStatus;
import dev.matchplane.token.MatchTokens;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Many threads enqueue and cancel while two tick loops (two engines, as two instances would) run against one Redis
 * and the lock is yanked away at random. Afterwards every ticket is checked: the invariants of docs/architecture.md hold.
 */
// Relax-after far off: the last tick runs a claim lease past the run, and a ticket left over from its first seconds
// would otherwise form a smaller match, which is allowed then but not what "exactly N" checks.
@TestPropertySource(properties = { "matchmaking.role=api", "matchmaking.min-wait=0ms", "matchmaking.relax-after=5m" })
class MatchingInvariantsIntegrationTests extends EngineIntegrationTest {

    private static final int MATCH_SIZE = 4;

    /** Ticks that held the lock and found nothing to propose: the loops have matched what there was. */
    private final AtomicInteger quietTicks = new AtomicInteger();


    @Test
    void underConcurrentEnqueueCancelAndTwoTickLoopsEveryTicketEndsOnceAndEveryLandHoldsExactlyN() throws Exception {
        String landType = unique("inv");
        String queue = landType + ":" + MATCH_SIZE;
        servers.register(new GameServer("gs-" + landType, "127.0.0.1", 7100, landType, null, null, null, null, null),
                clock.instant());
        ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> cancelled = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> loops = new ArrayList<>();
        for (int e = 0; e < 2; e++) {
            MatchingEngine engine = engine(tokens);
            loops.add(pool.submit(() -> tickLoop(engine, running)));
        }
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            clients.add(pool.submit(() -> clientLoop(queue, accepted, cancelled)));
        }
        for (Future<?> client : clients) {
            client.get(60, TimeUnit.SECONDS);
        }
        drain(running, loops, pool);

        checkInvariants(List.copyOf(accepted), Set.copyOf(cancelled));
    }

    private void clientLoop(String queue, ConcurrentLinkedQueue<String> accepted,
            ConcurrentLinkedQueue<String> cancelled) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 60; i++) {
            int size = random.nextInt(1, 3);
            List<String> members = new ArrayList<>();
            for (int m = 0; m < size; m++) {
                members.add(unique("pl"));
            }
            String id = tickets.enqueue(new EnqueueCommand(queue, null, members, size, null, null)).ticketId();
            accepted.add(id);
            if (random.nextInt(4) == 0 && tickets.cancel(id)) {
                cancelled.add(id);
            }
        }
    }

    private Void tickLoop(MatchingEngine engine, AtomicBoolean running) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running.get()) {
            if (random.nextInt(10) == 0) {
                // a lost lock: the other engine may take the shard over mid-tick
                redis.delete(keys.shardLock(random.nextInt(shards.count())));
            }
            try {
                TickReport report = engine.tick(clock.instant());
                if (report.leader() && report.proposed() == 0) {
                    quietTicks.incrementAndGet();
                }
            }
            catch (RuntimeException ignored) {
                // a tick may fail; the invariants must hold anyway
            }
        }
        return null;
    }

    private void drain(AtomicBoolean running, List<Future<?>> loops, ExecutorService pool) throws Exception {
        // the clients are done: the loops run on until a couple of ticks find nothing left to match
        int quietBefore = quietTicks.get();
        await().atMost(Duration.ofSeconds(30)).until(() -> quietTicks.get() >= quietBefore + 2);
        running.set(false);
        for (Future<?> loop : loops) {
            loop.get(30, TimeUnit.SECONDS);
        }
        pool.shutdownNow();
        dropShardLocks();
        MatchingEngine last = engine(tokens);
        // claims a yanked lock left behind come back once their lease is over
        last.tick(clock.instant().plus(properties.claimLease()).plusSeconds(1));
    }

    private void checkInvariants(List<String> accepted, Set<String> cancelledByClient) {
        Map<String, Integer> playersPerLand = new HashMap<>();
        Set<String> playersSeen = new HashSet<>();
        int assigned = 0;
        for (String id : accepted) {
            Ticket ticket = tickets.find(id).orElseThrow(() -> new AssertionError("accepted ticket lost: " + id));
            if (cancelledByClient.contains(id)) {
                assertThat(ticket.status()).as("cancelled ticket %s", id).isEqualTo(TicketStatus.CANCELLED);
            }
            assertThat(ticket.status()).isIn(TicketStatus.ASSIGNED, TicketStatus.CANCELLED, TicketStatus.QUEUED);
            if (ticket.status() == TicketStatus.ASSIGNED) {
                assigned++;
                JsonNode assignment = json.readTree(ticket.assignmentJson());
                playersPerLand.merge(assignment.get("landId").asString(), ticket.groupSize(), Integer::sum);
                for (String player : ticket.members()) {
                    assertThat(playersSeen.add(player)).as("player %s in two matches", player).isTrue();
                }
            }
            else {
                assertThat(ticket.assignmentJson()).isNull();
            }
        }
        assertThat(assigned).as("the run formed matches").isGreaterThan(20);
        assertThat(playersPerLand.values()).as("every land holds exactly N players").containsOnly(MATCH_SIZE);
        System.out.printf("[invariants] accepted=%d cancelled=%d assigned=%d lands=%d%n", accepted.size(),
                cancelledByClient.size(), assigned, playersPerLand.size());
    }
}
