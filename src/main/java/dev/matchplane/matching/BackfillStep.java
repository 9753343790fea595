package dev.matchplane.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The tick's first matching step: fill open backfill requests from their land's queue before new matches are formed
 * from it. Read (requests and windows, one call), plan (oldest requests first; for each, the oldest waiting tickets
 * whose party fits a team's open slots), claim (claim.lua, each ticket alone), sign (the land's match id, server and
 * connect URL), fill (backfill-fill.lua, which checks and decrements the slots under the fencing token). Tickets a
 * fill refuses (the request was renewed, cancelled or filled meanwhile) go back to their queue.
 *
 * <p>Rule sets: {@link #plan} is the seam. Queues under a rule set are filled here as size-only queues until the
 * rule matcher is given the request's current players and teams (stored with the request) to choose candidates.
 */
final class BackfillStep {

    private final Backfills backfills;
    private final MatchStore store;
    private final AssignmentFactory assignments;
    private final QueueCatalog catalog;
    private final MatchmakingProperties properties;

    BackfillStep(Backfills backfills, MatchStore store, AssignmentFactory assignments, QueueCatalog catalog,
            MatchmakingProperties properties) {
        this.backfills = backfills;
        this.store = store;
        this.assignments = assignments;
        this.catalog = catalog;
        this.properties = properties;
    }

    private record Choice(WaitingTicket ticket, String team) {
    }

    /** Tickets filled into existing lands by this tick. */
    int run(TickContext tick) {
        Backfills.Read read = backfills.read(tick.now(), properties.windowSize());
        Map<Backfills.OpenRequest, List<Choice>> plan = plan(read, tick.now());
        if (plan.isEmpty()) {
            return 0;
        }
        Map<String, List<ProposedMatch>> proposals = new LinkedHashMap<>();
        plan.forEach((request, choices) -> choices.forEach(choice -> proposals
                .computeIfAbsent(request.queueKey(), k -> new ArrayList<>())
                .add(new ProposedMatch(List.of(choice.ticket())))));
        List<ClaimedMatch> claimed;
        try {
            claimed = store.claim(tick.fence(), proposals, tick.now().plus(properties.claimLease()));
        }
        catch (FencedException lost) {
            return 0; // the matching step after this one finds the lock lost too
        }
        try {
            return fill(tick, plan, claimed);
        }
        catch (RuntimeException failure) {
            store.release(claimed);
            throw failure;
        }
    }

    /** Oldest request first; for each, the oldest tickets (not past their max wait) that fit a team's open slots. */
    private Map<Backfills.OpenRequest, List<Choice>> plan(Backfills.Read read, Instant now) {
        Set<String> taken = new HashSet<>();
        int budget = properties.maxPlayersPerTick();
        Map<Backfills.OpenRequest, List<Choice>> plan = new LinkedHashMap<>();
        List<Backfills.OpenRequest> oldestFirst = new ArrayList<>(read.requests());
        oldestFirst.sort(Comparator.comparingLong(Backfills.OpenRequest::createdAtMillis));
        for (Backfills.OpenRequest request : oldestFirst) {
            long deadline = now.toEpochMilli() - catalog.policyFor(request.queueKey()).maxWait().toMillis();
            Map<String, Integer> left = new HashMap<>(request.slots());
            List<Choice> choices = new ArrayList<>();
            for (WaitingTicket ticket : read.windows().getOrDefault(request.queueKey(), List.of())) {
                String team = ticket.enqueuedAtMillis() <= deadline || taken.contains(ticket.ticketId()) ? null
                        : roomFor(left, ticket.groupSize());
                if (team != null && budget >= ticket.groupSize()) {
                    choices.add(new Choice(ticket, team));
                    taken.add(ticket.ticketId());
                    left.merge(team, -ticket.groupSize(), Integer::sum);
                    budget -= ticket.groupSize();
                }
            }
            if (!choices.isEmpty()) {
                plan.put(request, choices);
            }
        }
        return plan;
    }

    /** The team with the most open slots that still holds the whole party (ties: by name); null when none does. */
    private static @Nullable String roomFor(Map<String, Integer> left, int groupSize) {
        String best = null;
        for (Map.Entry<String, Integer> slots : new java.util.TreeMap<>(left).entrySet()) {
            if (slots.getValue() >= groupSize && (best == null || slots.getValue() > left.get(best))) {
                best = slots.getKey();
            }
        }
        return best;
    }

    /** A claimed ticket on its way to a request's land, in plan order. */
    private record Placed(Backfills.OpenRequest request, ClaimedMatch claim, String team) {
    }

    /** Signs an assignment per claimed ticket on its request's land, then fills; refused tickets go back. */
    private int fill(TickContext tick, Map<Backfills.OpenRequest, List<Choice>> plan, List<ClaimedMatch> claimed) {
        List<Placed> placed = placed(plan, claimed);
        if (placed.isEmpty()) {
            return 0;
        }
        Instant expiry = tick.now().plus(properties.assignmentTtl());
        List<ClaimedMatch> matches = placed.stream().map(Placed::claim).toList();
        AssignmentFactory.Prepared prepared = assignments.prepare(matches,
                placed.stream().map(p -> p.request().land()).toList(),
                placed.stream().map(p -> p.request().matchId()).toList(), tick.now(), expiry);
        List<MatchCommit> signed = assignments.assemble(prepared, assignments.sign(prepared).join());
        Map<Backfills.OpenRequest, List<Backfills.Filled>> byRequest = new LinkedHashMap<>();
        List<ClaimedMatch> inOrder = new ArrayList<>();
        for (int i = 0; i < placed.size(); i++) {
            byRequest.computeIfAbsent(placed.get(i).request(), k -> new ArrayList<>()).add(new Backfills.Filled(
                    matches.get(i), placed.get(i).team(), signed.get(i).assignmentJsons().get(0)));
        }
        List<Backfills.Fill> fills = new ArrayList<>();
        byRequest.forEach((request, tickets) -> {
            fills.add(new Backfills.Fill(request, tickets));
            tickets.forEach(ticket -> inOrder.add(ticket.claim()));
        });
        List<Boolean> landed = backfills.fill(tick.fence(), tick.now(), expiry, fills);
        List<ClaimedMatch> refused = new ArrayList<>();
        for (int i = 0; i < inOrder.size(); i++) {
            if (!landed.get(i)) {
                refused.add(inOrder.get(i));
            }
        }
        store.release(refused);
        return inOrder.size() - refused.size();
    }

    /** The plan's choices whose ticket this tick did claim, in plan order. */
    private static List<Placed> placed(Map<Backfills.OpenRequest, List<Choice>> plan, List<ClaimedMatch> claimed) {
        Map<String, ClaimedMatch> byTicket = new HashMap<>();
        claimed.forEach(match -> byTicket.put(match.oldest().ticketId(), match));
        List<Placed> placed = new ArrayList<>();
        plan.forEach((request, choices) -> choices.forEach(choice -> {
            ClaimedMatch match = byTicket.get(choice.ticket().ticketId());
            if (match != null) {
                placed.add(new Placed(request, match, choice.team()));
            }
        }));
        return placed;
    }
}
