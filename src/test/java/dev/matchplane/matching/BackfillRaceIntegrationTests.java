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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.matchplane.provisioning.GameServer;
import dev.matchplane.support.HttpJson;
import dev.matchplane.ticket.EnqueueCommand;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Two engines (two instances) tick at once while the tick lock is yanked away now and then, 200 tickets arrive and
 * game servers renew their 50 backfill requests meanwhile. Invariant: no slot is filled twice and no ticket is in
 * two lands (backfill-fill.lua checks and decrements the slots under the fencing token).
 */
@TestPropertySource(properties = { "matchmaking.role=api", "matchmaking.min-wait=0ms",
        "matchmaking.backfill-ttl=60s" })
class BackfillRaceIntegrationTests extends EngineIntegrationTest {

    private static final int LANDS = 50;
    private static final int TICKETS = 200;

    @Test
    void twoInstancesFillingFiftyBackfillsFromTwoHundredTicketsNeverFillASlotTwice() throws Exception {
        String landType = unique("race");
        String queue = landType + ":1";
        servers.register(new GameServer("gs-" + landType, "127.0.0.1", 7100, landType, null, null, null, null, null),
                clock.instant());
        List<String> firstTickets = new ArrayList<>();
        for (int i = 0; i < LANDS; i++) {
            firstTickets.add(enqueue(queue));
        }
        MatchingEngine single = engine(tokens);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            single.tick(clock.instant());
            return firstTickets.stream().allMatch(id -> landOf(id) != null);
        });
        single.stepDown();
        List<String> lands = firstTickets.stream().map(this::landOf).toList();
        Map<String, Set<String>> backfillIds = new ConcurrentHashMap<>();
        lands.forEach(land -> backfillIds.computeIfAbsent(land, k -> ConcurrentHashMap.newKeySet()).add(open(land)));

        ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> loops = new ArrayList<>();
        for (int e = 0; e < 2; e++) {
            MatchingEngine engine = engine(tokens);
            loops.add(pool.submit(() -> tickLoop(engine, running)));
        }
        loops.add(pool.submit(() -> renewLoop(lands, backfillIds, running)));
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            clients.add(pool.submit(() -> {
                for (int i = 0; i < TICKETS / 2; i++) {
                    accepted.add(enqueue(queue));
                }
            }));
        }
        for (Future<?> client : clients) {
            client.get(60, TimeUnit.SECONDS);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> accepted.stream().allMatch(id -> landOf(id) != null));
        running.set(false);
        for (Future<?> loop : loops) {
            loop.get(30, TimeUnit.SECONDS);
        }
        pool.shutdownNow();

        checkInvariants(firstTickets, List.copyOf(accepted), lands, backfillIds);
    }

    private void checkInvariants(List<String> firstTickets, List<String> accepted, List<String> lands,
            Map<String, Set<String>> backfillIds) {
        Map<String, String> landOfTicket = new HashMap<>();
        Set<String> allLands = new HashSet<>();
        for (String id : concat(firstTickets, accepted)) {
            allLands.add(landOf(id));
        }
        for (String land : allLands) {
            for (JsonNode ticket : HttpJson.parse(String.valueOf(redis.opsForHash().get(keys.land(land), "tickets")))) {
                String previous = landOfTicket.put(ticket.asString(), land);
                assertThat(previous).as("ticket %s in two lands", ticket.asString()).isNull();
            }
        }
        int backfilled = 0;
        for (String id : concat(firstTickets, accepted)) {
            assertThat(landOfTicket.get(id)).as("ticket %s is in the land its assignment names", id)
                    .isEqualTo(landOf(id));
        }
        for (String land : lands) {
            int filled = HttpJson.parse(String.valueOf(redis.opsForHash().get(keys.land(land), "tickets"))).size() - 1;
            assertThat(filled).as("fills of land %s: at most one per request posted", land)
                    .isLessThanOrEqualTo(backfillIds.get(land).size());
            JsonNode last = http().get("/v1/provisioning/lands/" + land + "/backfill").json();
            assertThat(last.get("filled").size()).as("the last request's one slot").isLessThanOrEqualTo(1);
            backfilled += filled;
        }
        assertThat(backfilled).as("backfill took part").isGreaterThanOrEqualTo(LANDS);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private Void tickLoop(MatchingEngine engine, AtomicBoolean running) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running.get()) {
            if (random.nextInt(8) == 0) {
                // a lost lock: the other engine may take the shard over mid-fill
                redis.delete(keys.shardLock(random.nextInt(shards.count())));
            }
            try {
                engine.tick(clock.instant());
            }
            catch (RuntimeException ignored) {
                // a tick may fail; the invariants must hold anyway
            }
        }
        return null;
    }

    /** Game servers renew their requests while the ticks fill them (a renewal of a filled one opens a new one). */
    private Void renewLoop(List<String> lands, Map<String, Set<String>> backfillIds, AtomicBoolean running) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running.get()) {
            String land = lands.get(random.nextInt(lands.size()));
            if ("open".equals(http().get("/v1/provisioning/lands/" + land + "/backfill").json().get("status")
                    .asString())) {
                backfillIds.get(land).add(open(land));
            }
        }
        return null;
    }

    private String open(String landId) {
        HttpJson.Response response = http().post("/v1/provisioning/lands/" + landId + "/backfill",
                "{\"openSlots\":1}");
        assertThat(response.status()).isEqualTo(201);
        return response.json().get("backfillId").asString();
    }

    private String enqueue(String queue) {
        return tickets.enqueue(new EnqueueCommand(queue, null, List.of(unique("pl")), 1, null, null)).ticketId();
    }

    private String landOf(String ticketId) {
        Object assignment = redis.opsForHash().get(keys.ticket(ticketId), "assignment");
        return assignment == null ? null : HttpJson.parse(assignment.toString()).get("landId").asString();
    }
}
