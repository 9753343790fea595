package dev.matchplane.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import dev.matchplane.provisioning.GameServer;
import dev.matchplane.ticket.EnqueueCommand;
import dev.matchplane.ticket.Ticket;
import dev.matchplane.ticket.TicketStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Ticks driven by hand with chosen times (role {@code api}: no scheduler), two engines standing for two instances
 * on one Redis. How each invariant is checked: a ticket's stored assignment is written once by the commit script,
 * so "matched once" means: assigned, with the land of the engine that committed, and no other engine committed.
 */
@TestPropertySource(properties = { "matchmaking.role=api", "matchmaking.min-wait=0ms", "matchmaking.claim-lease=10s",
        "matchmaking.max-players-per-tick=4", "matchmaking.queues[0].pattern=brief*",
        "matchmaking.queues[0].max-wait=1s" })
class MatchingEngineIntegrationTests extends EngineIntegrationTest {


    private String landType;
    private Instant now;

    @BeforeEach
    void serverForThisTest() {
        landType = unique("eng");
        now = clock.instant();
        servers.register(new GameServer("gs-" + landType, "127.0.0.1", 7000, landType, null, null, null, null, null),
                now);
        dropShardLocks();
        // earlier tests' leftover queues leave the tick's view, so each report counts only this test's tickets
        forgetActiveQueues();
    }

    @Test
    void tickThatDiesBetweenClaimAndCommitLosesNothingAndTheTicketsMatchLaterOnce() {
        List<String> ids = enqueuePair();
        MatchingEngine crashing = engine(claims -> {
            throw new SimulatedCrash();
        });
        try {
            crashing.tick(now);
        }
        catch (SimulatedCrash expected) {
            // the process "died" here: claims and the reserved land stay behind
        }
        assertThat(statuses(ids)).containsOnly(TicketStatus.CLAIMED);
        dropShardLocks(); // its locks lapse like a dead instance's would

        MatchingEngine survivor = engine(tokens::signAll);
        assertThat(survivor.tick(now.plusSeconds(1)).committed()).as("lease not over yet: nothing to match").isZero();
        TickReport leaseOver = survivor.tick(now.plus(properties.claimLease()).plusSeconds(1));
        assertThat(leaseOver.staleClaimsReturned()).as("the sweep after matching returns them").isEqualTo(2);
        assertThat(statuses(ids)).containsOnly(TicketStatus.QUEUED);

        assertThat(survivor.tick(now.plus(properties.claimLease()).plusSeconds(2)).committed()).isEqualTo(1);
        assertThat(statuses(ids)).containsOnly(TicketStatus.ASSIGNED);
        assertThat(landIds(ids)).hasSize(1);
        assertThat(survivor.tick(now.plus(properties.claimLease()).plusSeconds(3)).committed()).isZero();
    }

    @Test
    void tickThatLostItsLockCannotCommitAndTheNewHolderMatchesOnce() {
        List<String> ids = enqueuePair();
        AtomicReference<MatchingEngine> successor = new AtomicReference<>();
        AtomicReference<TickReport> successorTick = new AtomicReference<>();
        MatchingEngine stalled = engine(claims -> {
            // a long GC pause: the locks lapse and another instance takes them while this one still signs
            dropShardLocks();
            successorTick.set(successor.get().tick(now));
            return tokens.signAll(claims);
        });
        successor.set(engine(tokens::signAll));

        TickReport stalledTick = stalled.tick(now);

        assertThat(stalledTick.fenced()).isTrue();
        assertThat(stalledTick.committed()).isZero();
        assertThat(successorTick.get().leader()).isTrue();
        assertThat(statuses(ids)).as("handed back, not lost").containsOnly(TicketStatus.QUEUED);
        assertThat(stalled.tick(now).leader()).as("the old holder stays out").isFalse();
        assertThat(successor.get().tick(now).committed()).isEqualTo(1);
        assertThat(statuses(ids)).containsOnly(TicketStatus.ASSIGNED);
        assertThat(landIds(ids)).hasSize(1);
    }

    @Test
    void ticketCancelledWhileClaimedIsNeverAssignedAndItsPartnerWaitsOn() {
        List<String> ids = enqueuePair();
        MatchingEngine engine = engine(claims -> {
            tickets.cancel(ids.get(0)); // the player leaves while the tick is signing
            return tokens.signAll(claims);
        });

        TickReport report = engine.tick(now);

        assertThat(report.refused()).isEqualTo(1);
        assertThat(statuses(ids)).containsExactly(TicketStatus.CANCELLED, TicketStatus.QUEUED);
        assertThat(tickets.find(ids.get(0)).orElseThrow().assignmentJson()).isNull();
    }

    @Test
    void ticketPastItsMaxWaitIsNotMatchedAndTheSweepAfterMatchingExpiresIt() {
        List<String> ids = enqueuePair();
        Instant deadline = now.plus(properties.maxWait());
        // the server still heartbeats then, so only the deadline stops this pair from matching
        servers.register(new GameServer("gs-" + landType, "127.0.0.1", 7000, landType, null, null, null, null, null),
                deadline);

        TickReport report = engine(tokens::signAll).tick(deadline);

        assertThat(report.claimed()).as("overdue tickets are left out of the window").isZero();
        assertThat(report.committed()).isZero();
        assertThat(report.expired()).as("this pair, and any other test's ticket left waiting")
                .isGreaterThanOrEqualTo(2);
        assertThat(statuses(ids)).containsOnly(TicketStatus.EXPIRED);
    }

    @Test
    void ticketsExpireEvenWhenEveryTickFailsBeforeItsSweep() {
        String overdue = enqueue(unique("brief") + ":2"); // max wait 1 s: overdue at the tick below
        List<String> pair = enqueuePair();
        Instant later = now.plusSeconds(2);
        servers.register(new GameServer("gs-" + landType, "127.0.0.1", 7000, landType, null, null, null, null, null),
                later);
        MatchingEngine failing = engine(claims -> {
            throw new IllegalStateException("signing is broken");
        });

        assertThatThrownBy(() -> failing.tick(later)).hasMessage("signing is broken");

        assertThat(statuses(List.of(overdue))).as("the sweep ran after the failed matching step")
                .containsOnly(TicketStatus.EXPIRED);
        assertThat(statuses(pair)).as("the failed match was handed back").containsOnly(TicketStatus.QUEUED);
    }

    @Test
    void noLiveServerKeepsTicketsQueuedInTheirOrder() {
        String queue = unique("nobody") + ":2";
        String first = enqueue(queue);
        String second = enqueue(queue);
        // two enqueues within one millisecond tie on score and Redis orders them by id: compare with the queue's own order
        List<String> before = List.copyOf(redis.opsForZSet().range(keys.queue(queue), 0, -1));
        assertThat(before).containsExactlyInAnyOrder(first + ":1", second + ":1");
        TickReport report = engine(tokens::signAll).tick(clock.instant());
        assertThat(report.claimed()).isZero();
        assertThat(redis.opsForZSet().range(keys.queue(queue), 0, -1)).containsExactlyElementsOf(before);
    }

    @Test
    void serverAtCapacityPutsClaimsBackWithTheirEnqueueTime() {
        String full = unique("full");
        servers.register(new GameServer("gs-" + full, "127.0.0.1", 7001, full, null, null, null, null, 1), now);
        String queue = full + ":1";
        enqueue(queue);
        enqueue(queue);
        // two enqueues within one millisecond tie on score and Redis orders them by id: take the queue's own order
        List<String> inQueueOrder = redis.opsForZSet().range(keys.queue(queue), 0, -1).stream()
                .map(member -> member.substring(0, member.lastIndexOf(':'))).toList();
        String first = inQueueOrder.get(0);
        String second = inQueueOrder.get(1);
        Double secondScore = redis.opsForZSet().score(keys.queue(queue), second + ":1");

        TickReport report = engine(tokens::signAll).tick(clock.instant());

        assertThat(report.committed()).isEqualTo(1);
        assertThat(report.withoutServer()).isEqualTo(1);
        assertThat(statuses(List.of(first, second))).containsExactly(TicketStatus.ASSIGNED, TicketStatus.QUEUED);
        assertThat(redis.opsForZSet().score(keys.queue(queue), second + ":1")).isEqualTo(secondScore);
    }

    @Test
    void tickStopsAtMaxPlayersPerTickAndSaysMoreAreReady() {
        String queue = landType + ":2";
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(enqueue(queue));
        }
        MatchingEngine engine = engine(tokens::signAll);

        TickReport first = engine.tick(clock.instant());
        TickReport second = engine.tick(clock.instant());

        assertThat(first.committed()).isEqualTo(2);
        assertThat(first.saturated()).isTrue();
        assertThat(second.committed()).isEqualTo(1);
        assertThat(second.saturated()).isFalse();
        assertThat(statuses(ids.subList(0, 4))).as("oldest first").containsOnly(TicketStatus.ASSIGNED);
    }

    /**
     * A full tick (max-players-per-tick = 4 here) claims and allocates the next window while its own is signed, and
     * the next tick commits it. Checked by status: the carried tickets are CLAIMED between the two ticks, ASSIGNED
     * after the second, and a third tick finds nothing.
     */
    @Test
    void fullTickClaimsTheNextWindowWhileSigningAndTheNextTickCommitsIt() {
        List<String> ids = enqueueSix();
        MatchingEngine engine = engine(tokens::signAll);

        TickReport first = engine.tick(now);

        assertThat(first.committed()).isEqualTo(2);
        assertThat(statuses(ids)).containsExactly(TicketStatus.ASSIGNED, TicketStatus.ASSIGNED, TicketStatus.ASSIGNED,
                TicketStatus.ASSIGNED, TicketStatus.CLAIMED, TicketStatus.CLAIMED);
        assertThat(engine.tick(now).committed()).isEqualTo(1);
        assertThat(statuses(ids)).containsOnly(TicketStatus.ASSIGNED);
        assertThat(landIds(ids)).as("three matches, three lands").hasSize(3);
        assertThat(engine.tick(now).committed()).isZero();
    }

    /**
     * The carried window was claimed under the old fence: when another instance holds the lock at the next tick,
     * the old holder hands it back, and the new holder matches those tickets once.
     */
    @Test
    void nextWindowOfAFullTickGoesBackWhenTheLockIsLostAndIsMatchedOnceByTheNewHolder() {
        List<String> ids = enqueueSix();
        MatchingEngine first = engine(tokens::signAll);
        MatchingEngine successor = engine(tokens::signAll);
        first.tick(now);
        dropShardLocks(); // its locks lapse (a long pause) and the successor takes them

        assertThat(successor.tick(now).committed()).as("the carried tickets are still claimed").isZero();
        assertThat(first.tick(now).leader()).isFalse();
        assertThat(statuses(ids.subList(4, 6))).as("handed back, not lost").containsOnly(TicketStatus.QUEUED);
        assertThat(successor.tick(now).committed()).isEqualTo(1);
        assertThat(statuses(ids)).containsOnly(TicketStatus.ASSIGNED);
        assertThat(landIds(ids)).hasSize(3);
    }

    @Test
    void stepDownHandsTheNextWindowOfAFullTickBack() {
        List<String> ids = enqueueSix();
        MatchingEngine engine = engine(tokens::signAll);
        engine.tick(now);

        engine.stepDown();

        assertThat(statuses(ids.subList(4, 6))).containsOnly(TicketStatus.QUEUED);
        assertThat(redis.countExistingKeys(shardLocks())).as("every shard released").isZero();
    }

    /** A tick that comes late (half the claim lease gone) does not commit the old window: it claims afresh. */
    @Test
    void nextWindowLeftWaitingHalfItsLeaseIsClaimedAfresh() {
        List<String> ids = enqueueSix();
        MatchingEngine engine = engine(tokens::signAll);
        engine.tick(now);

        TickReport late = engine.tick(now.plus(properties.claimLease().dividedBy(2)));

        assertThat(late.claimed()).as("claimed again after being handed back").isEqualTo(1);
        assertThat(late.committed()).isEqualTo(1);
        assertThat(statuses(ids)).containsOnly(TicketStatus.ASSIGNED);
        assertThat(landIds(ids)).hasSize(3);
    }

    /** Six single-player tickets of a two-player queue, a millisecond apart so that queue order is enqueue order. */
    private List<String> enqueueSix() {
        String queue = landType + ":2";
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(enqueue(queue));
            nextMillisecond();
        }
        now = clock.instant();
        return ids;
    }

    private List<String> enqueuePair() {
        String queue = landType + ":2";
        List<String> ids = List.of(enqueue(queue), enqueue(queue));
        now = clock.instant(); // ticks happen after the tickets exist
        return ids;
    }

    private String enqueue(String queue) {
        return tickets.enqueue(new EnqueueCommand(queue, null, List.of(unique("p")), 1, null, null)).ticketId();
    }

    private List<TicketStatus> statuses(List<String> ids) {
        return ids.stream().map(id -> tickets.find(id).map(Ticket::status).orElseThrow()).toList();
    }

    private Set<String> landIds(List<String> ids) {
        return ids.stream().map(id -> json.readTree(tickets.find(id).orElseThrow().assignmentJson()))
                .map(a -> a.get("landId").asString()).collect(java.util.stream.Collectors.toSet());
    }

    /** Stands for the process dying: not a RuntimeException, so no clean-up path runs. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash", null, false, false);
        }
    }

    /** Waits until the clock has moved past the current millisecond, so the next enqueue scores strictly later. */
    private void nextMillisecond() {
        long current = clock.millis();
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).until(() -> clock.millis() > current);
    }
}
