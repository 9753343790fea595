package dev.matchplane.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.matchplane.matching.QueueShards;
import dev.matchplane.support.IntegrationTest;
import dev.matchplane.web.ErrorCode;
import dev.matchplane.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Redis ticket store against real Redis: dedup, player index, cancel, retention, and races between threads. */
class RedisTicketStoreIntegrationTests extends IntegrationTest {

    @Autowired
    TicketService tickets;

    @Autowired
    TicketStore store;

    @Autowired
    QueueShards shards;

    @Test
    void enqueueWritesTicketIndexesAndQueueTogether() {
        String queue = unique("q");
        String group = unique("g");
        String player = unique("p");
        EnqueueResult result = tickets.enqueue(command(queue, group, player));

        assertThat(redis.opsForValue().get(keys.group(group))).isEqualTo(result.ticketId());
        assertThat(redis.opsForValue().get(keys.player(player))).isEqualTo(result.ticketId());
        assertThat(redis.opsForZSet().range(keys.queue(queue), 0, -1)).containsExactly(result.ticketId() + ":1");
        assertThat(redis.opsForSet().isMember(keys.activeQueues(shards.of(queue)), queue)).isTrue();
        assertThat(redis.opsForHash().get(keys.ticket(result.ticketId()), "active")).as("names its shard's set")
                .isEqualTo(keys.activeQueues(shards.of(queue)));
        assertThat(redis.opsForZSet().score(keys.expiries(), result.ticketId())).isNotNull();
        assertThat(redis.getExpire(keys.ticket(result.ticketId()))).isEqualTo(-1L);
    }

    @Test
    void cancelFreesGroupAndPlayersAndLeavesTheQueueAtomically() {
        String queue = unique("q");
        String group = unique("g");
        String player = unique("p");
        String ticketId = tickets.enqueue(command(queue, group, player)).ticketId();

        assertThat(tickets.cancel(ticketId)).isTrue();

        assertThat(redis.hasKey(keys.group(group))).isFalse();
        assertThat(redis.hasKey(keys.player(player))).isFalse();
        assertThat(redis.opsForZSet().size(keys.queue(queue))).isZero();
        assertThat(redis.opsForSet().isMember(keys.activeQueues(shards.of(queue)), queue)).isFalse();
        assertThat(redis.opsForZSet().score(keys.expiries(), ticketId)).isNull();
        assertThat(store.find(ticketId)).get().extracting(Ticket::status).isEqualTo(TicketStatus.CANCELLED);
        assertThat(tickets.cancel(ticketId)).isFalse();
    }

    @Test
    void cancelledTicketIsRetainedForTheEndedRetentionThenGone() {
        String ticketId = tickets.enqueue(command(unique("q"), unique("g"), unique("p"))).ticketId();
        tickets.cancel(ticketId);
        Long ttl = redis.getExpire(keys.ticket(ticketId), TimeUnit.SECONDS);
        assertThat(ttl).isBetween(590L, 600L);

        redis.expire(keys.ticket(ticketId), java.time.Duration.ofMillis(1));
        await().atMost(java.time.Duration.ofSeconds(5)).until(() -> store.find(ticketId).isEmpty());
        assertThat(store.find(ticketId)).isEmpty();
    }

    @Test
    void enqueueWhenTooLargeThenNothingIsWritten() {
        String group = unique("g");
        String player = unique("p");
        EnqueueOutcome outcome = store.enqueue(new NewTicket("ticket-" + unique("t"), unique("q"), group,
                List.of(player), 1, null, null, Instant.now(), Instant.now().plusSeconds(60)), true);
        assertThat(outcome).isInstanceOf(EnqueueOutcome.PartyTooLarge.class);
        assertThat(redis.hasKey(keys.group(group))).isFalse();
        assertThat(redis.hasKey(keys.player(player))).isFalse();
    }

    @Test
    void fiftyConcurrentIdenticalEnqueuesYieldOneTicket() throws Exception {
        String queue = unique("q");
        String group = unique("g");
        String player = unique("p");
        List<EnqueueResult> results = race(50, () -> tickets.enqueue(command(queue, group, player)));

        assertThat(results).extracting(EnqueueResult::ticketId).containsOnly(results.get(0).ticketId());
        assertThat(results).filteredOn(EnqueueResult::created).hasSize(1);
        assertThat(redis.opsForZSet().size(keys.queue(queue))).isEqualTo(1);
    }

    @Test
    void concurrentEnqueuesOfOnePlayerUnderTwoGroupsYieldOneTicketAndOneConflict() throws Exception {
        for (int round = 0; round < 20; round++) {
            String queue = unique("q");
            String player = unique("p");
            List<String> groups = List.of(unique("g"), unique("g"));
            List<Object> outcomes = race(2, new Callable<>() {
                private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

                @Override
                public Object call() {
                    try {
                        return tickets.enqueue(command(queue, groups.get(next.getAndIncrement()), player));
                    }
                    catch (ProblemException ex) {
                        return ex.code();
                    }
                }
            });
            assertThat(outcomes).filteredOn(EnqueueResult.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(ErrorCode.PLAYER_ALREADY_QUEUED::equals).hasSize(1);
            assertThat(redis.opsForZSet().size(keys.queue(queue))).isEqualTo(1);
        }
    }

    @Test
    void threadsHammeringOneGroupWithEnqueueAndCancelNeverLeaveTwoWaitingTickets() throws Exception {
        String queue = unique("q");
        String group = unique("g");
        String player = unique("p");
        Set<String> seen = ConcurrentHashMap.newKeySet();
        race(16, () -> {
            for (int i = 0; i < 25; i++) {
                String id = tickets.enqueue(command(queue, group, player)).ticketId();
                seen.add(id);
                if (i % 2 == 0) {
                    tickets.cancel(id);
                }
            }
            return null;
        });
        List<Ticket> waiting = seen.stream().map(store::find).flatMap(java.util.Optional::stream)
                .filter(t -> t.status() == TicketStatus.QUEUED).toList();
        Set<String> queued = redis.opsForZSet().range(keys.queue(queue), 0, -1);
        // At most one ticket waits; when one does, every index names exactly that ticket.
        assertThat(waiting).hasSizeLessThanOrEqualTo(1);
        assertThat(queued).hasSize(waiting.size());
        if (waiting.size() == 1) {
            String id = waiting.get(0).ticketId();
            assertThat(queued).containsExactly(id + ":1");
            assertThat(redis.opsForValue().get(keys.group(group))).isEqualTo(id);
            assertThat(redis.opsForValue().get(keys.player(player))).isEqualTo(id);
        }
        else {
            assertThat(redis.hasKey(keys.group(group))).isFalse();
            assertThat(redis.hasKey(keys.player(player))).isFalse();
        }
    }

    @Test
    void staleIndexKeyWhoseTicketVanishedDoesNotBlockThePlayer() {
        String player = unique("p");
        redis.opsForValue().set(keys.player(player), "ticket-vanished");
        EnqueueResult result = tickets.enqueue(command(unique("q"), unique("g"), player));
        assertThat(result.created()).isTrue();
        assertThat(redis.opsForValue().get(keys.player(player))).isEqualTo(result.ticketId());
    }

    @Test
    void statusViewReadsTheSameFieldsAsTheFullTicket() {
        String ticketId = tickets.enqueue(command(unique("q"), unique("g"), unique("p"))).ticketId();
        Ticket full = store.find(ticketId).orElseThrow();
        assertThat(store.findStatus(ticketId)).contains(new TicketStatusView(ticketId, full.status(), full.queueKey(),
                full.groupId(), full.createdAt(), full.assignmentJson()));

        redis.opsForHash().put(keys.ticket(ticketId), "assignment", "{\"landId\":\"l-1\"}");
        assertThat(store.findStatus(ticketId)).get().extracting(TicketStatusView::assignmentJson)
                .isEqualTo("{\"landId\":\"l-1\"}");
    }

    @Test
    void unknownTicketFindsNothingAndCancelsNothing() {
        assertThat(store.find("ticket-unknown")).isEmpty();
        assertThat(store.findStatus("ticket-unknown")).isEmpty();
        assertThat(tickets.cancel("ticket-unknown")).isFalse();
        assertThatThrownBy(() -> tickets.enqueue(new EnqueueCommand(unique("q") + ":1v1", null,
                List.of(unique("a"), unique("b")), 2, null, null)))
                .isInstanceOf(ProblemException.class).extracting("code").isEqualTo(ErrorCode.PARTY_TOO_LARGE);
    }

    static EnqueueCommand command(String queue, String group, String player) {
        return new EnqueueCommand(queue, group, List.of(player), 1, null, null);
    }

    private static <T> List<T> race(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        }
        finally {
            pool.shutdownNow();
        }
    }
}
