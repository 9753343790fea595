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
import java.util.SortedMap;

import dev.matchplane.matching.rules.BackfillMatcher;
import dev.matchplane.matching.rules.BackfillPlan;
import dev.matchplane.matching.rules.LandRoster;
import dev.matchplane.matching.rules.RuleSet;
import dev.matchplane.matching.rules.RuledMatch;
import dev.matchplane.matching.rules.RuledTicket;
import dev.matchplane.rulesets.RuleSets;
import dev.matchplane.rulesets.StoredRuleSet;

import org.jspecify.annotations.Nullable;

/**
 * The tick's first matching step: fill open backfill requests from their land's queue before new matches are formed
 * from it. Read (requests and windows, one call), plan (oldest requests first; for each, the oldest waiting tickets
 * whose party fits a team's open slots), claim (claim.lua, each ticket alone), sign (the land's match id, server and
 * connect URL), fill (backfill-fill.lua, which checks and decrements the slots under the fencing token). Tickets a
 * fill refuses (the request was renewed, cancelled or filled meanwhile) go back to their queue.
 *
 * <p>A queue under a rule set is filled by {@link BackfillMatcher}: the chosen tickets keep every hard rule together
 * with the land's current players, and each assignment carries its team and the land's region and
 * {@code matchAttributes}. Other queues are filled by party size alone.
 */
final class BackfillStep {

    private final Backfills backfills;
    private final MatchStore store;
    private final AssignmentFactory assignments;
    private final QueueCatalog catalog;
    private final MatchmakingProperties properties;
    private final RuleSets ruleSets;
    private final BackfillMatcher matcher = new BackfillMatcher();

    BackfillStep(Backfills backfills, MatchStore store, AssignmentFactory assignments, QueueCatalog catalog,
            MatchmakingProperties properties, RuleSets ruleSets) {
        this.ruleSets = ruleSets;
        this.backfills = backfills;
        this.store = store;
        this.assignments = assignments;
        this.catalog = catalog;
        this.properties = properties;
    }

    /** A ticket for a request's team; {@code layout} only under a rule set. */
    private record Choice(WaitingTicket ticket, String team, @Nullable MatchLayout layout) {
    }

    /** Tickets of the tick's shard filled into existing lands; {@code sweeping} also expires overdue requests. */
    int run(TickContext tick, boolean sweeping) {
        SortedMap<String, StoredRuleSet> sets = ruleSets.all();
        Backfills.Read read = backfills.read(tick.shard(), tick.now(), properties.windowSize(), sweeping,
                RuledPlanner.patterns(sets));
        Map<Backfills.OpenRequest, List<Choice>> plan = plan(read, tick.now(), sets);
        if (plan.isEmpty()) {
            return 0;
        }
        Map<String, List<ProposedMatch>> proposals = new LinkedHashMap<>();
        plan.forEach((request, choices) -> choices.forEach(choice -> proposals
                .computeIfAbsent(request.queueKey(), k -> new ArrayList<>())
                .add(new ProposedMatch(List.of(choice.ticket()), choice.layout()))));
        List<ClaimedMatch> claimed;
        try {
            claimed = store.claim(tick.shard(), tick.fence(), proposals, tick.now().plus(properties.claimLease()));
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

    /**
     * Oldest request first; for each, the oldest tickets (not past their max wait, not taken by an older request)
     * that fit: by party size alone, or under the queue's rule set together with the land's current players.
     */
    private Map<Backfills.OpenRequest, List<Choice>> plan(Backfills.Read read, Instant now,
            SortedMap<String, StoredRuleSet> sets) {
        Set<String> taken = new HashSet<>();
        int budget = properties.maxPlayersPerTick();
        Map<Backfills.OpenRequest, List<Choice>> plan = new LinkedHashMap<>();
        List<Backfills.OpenRequest> oldestFirst = new ArrayList<>(read.requests());
        oldestFirst.sort(Comparator.comparingLong(Backfills.OpenRequest::createdAtMillis));
        for (Backfills.OpenRequest request : oldestFirst) {
            QueueWindow window = read.windows().getOrDefault(request.queueKey(), QueueWindow.sizeOnly(List.of()));
            StoredRuleSet governing = RuledPlanner.governing(sets, request.queueKey());
            List<Choice> choices = governing == null ? bySize(request, window.tickets(), now, taken, budget)
                    : underRules(governing.ruleSet(), request, window, now, taken, budget);
            for (Choice choice : choices) {
                taken.add(choice.ticket().ticketId());
                budget -= choice.ticket().groupSize();
            }
            if (!choices.isEmpty()) {
                plan.put(request, choices);
            }
        }
        return plan;
    }

    private List<Choice> bySize(Backfills.OpenRequest request, List<WaitingTicket> window, Instant now,
            Set<String> taken, int budget) {
        long deadline = now.toEpochMilli() - catalog.policyFor(request.queueKey()).maxWait().toMillis();
        Map<String, Integer> left = new HashMap<>(request.slots());
        List<Choice> choices = new ArrayList<>();
        for (WaitingTicket ticket : window) {
            String team = ticket.enqueuedAtMillis() <= deadline || taken.contains(ticket.ticketId()) ? null
                    : roomFor(left, ticket.groupSize());
            if (team != null && budget >= ticket.groupSize()) {
                choices.add(new Choice(ticket, team, null));
                left.merge(team, -ticket.groupSize(), Integer::sum);
                budget -= ticket.groupSize();
            }
        }
        return choices;
    }

    /** {@link BackfillMatcher} on the tickets not yet taken; each choice's layout names its team and the land's values. */
    private List<Choice> underRules(RuleSet set, Backfills.OpenRequest request, QueueWindow window, Instant now,
            Set<String> taken, int budget) {
        List<RuledTicket> candidates = window.ruled().stream().filter(t -> !taken.contains(t.ticketId())).toList();
        LandRoster land = new LandRoster(request.slots(), request.players(), request.region(),
                request.matchAttributes());
        BackfillPlan chosen = matcher.choose(set, land, candidates, now.toEpochMilli(),
                catalog.policyFor(request.queueKey()).maxWait().toMillis(), budget);
        List<Choice> choices = new ArrayList<>(chosen.placements().size());
        for (RuledMatch.Placement placement : chosen.placements()) {
            RuledTicket ticket = placement.ticket();
            choices.add(new Choice(new WaitingTicket(ticket.ticketId(), ticket.groupSize(), ticket.enqueuedAtMillis()),
                    placement.team(), new MatchLayout(Map.of(ticket.ticketId(), placement.team()), request.region(),
                            null, chosen.matchAttributes(), null)));
        }
        return choices;
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
        List<Boolean> landed = backfills.fill(tick.shard(), tick.fence(), tick.now(), expiry, fills);
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
