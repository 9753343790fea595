package dev.matchplane.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.ThreadLocalRandom;

import dev.matchplane.provisioning.GameServerRegistry;
import dev.matchplane.rulesets.RuleSets;
import dev.matchplane.rulesets.StoredRuleSet;

/**
 * What one tick tries to match: the bounded windows of the active queues whose landType has a live server (others
 * are not even read), the matcher's proposals, cut at {@code max-players-per-tick}.
 */
final class TickPlanner {

    private final MatchStore store;
    private final GameServerRegistry servers;
    private final QueueCatalog catalog;
    private final MatchmakingProperties properties;
    private final RuleSets ruleSets;
    private final NextChange nextChange;
    private final Matcher matcher = new Matcher();
    private final RuledPlanner ruled = new RuledPlanner();

    TickPlanner(MatchStore store, GameServerRegistry servers, QueueCatalog catalog, MatchmakingProperties properties,
            RuleSets ruleSets, NextChange nextChange) {
        this.store = store;
        this.servers = servers;
        this.catalog = catalog;
        this.properties = properties;
        this.ruleSets = ruleSets;
        this.nextChange = nextChange;
    }

    /** Windows and match: the proposals of one shard's tick, cut at {@code max-players-per-tick}. */
    TickPlan plan(int shard, Instant now) {
        return TickPlan.of(propose(shard, now), properties.maxPlayersPerTick());
    }

    Map<String, List<ProposedMatch>> propose(int shard, Instant now) {
        SortedMap<String, StoredRuleSet> sets = ruleSets.all();
        Map<String, QueueWindow> windows = store.matchableWindows(shard, servers.liveSince(now),
                properties.windowSize(), now, RuledPlanner.patterns(sets));
        if (windows.isEmpty()) {
            return Map.of();
        }
        List<String> matchable = new ArrayList<>(windows.keySet());
        // a different queue order each tick, so that when the cap cuts a tick short no queue is always last
        Collections.shuffle(matchable, ThreadLocalRandom.current());
        Map<String, List<ProposedMatch>> proposals = new LinkedHashMap<>();
        int budget = properties.maxPlayersPerTick();
        for (String queueKey : matchable) {
            List<ProposedMatch> matches = withinBudget(propose(queueKey, windows.get(queueKey), sets, now), budget);
            if (!matches.isEmpty()) {
                proposals.put(queueKey, matches);
                budget -= matches.stream().mapToInt(ProposedMatch::players).sum();
            }
            if (budget <= 0) {
                break;
            }
        }
        return proposals;
    }

    /** Under the queue's rule set if one governs it (and its window came with player data), else by size. */
    private List<ProposedMatch> propose(String queueKey, QueueWindow window, SortedMap<String, StoredRuleSet> sets,
            Instant now) {
        QueuePolicy policy = catalog.policyFor(queueKey);
        StoredRuleSet governing = RuledPlanner.governing(sets, queueKey);
        if (governing != null && window.capacity() != null) {
            return ruled.propose(governing.ruleSet(), window, policy, now, nextChange);
        }
        List<WaitingTicket> waiting = notOverdue(window.tickets(), policy, now);
        List<ProposedMatch> matches = matcher.propose(waiting,
                new QueueRules(policy.matchSize(), policy.minWait(), policy.relaxAfter()), now);
        // when the queue can next match differently with no new enqueue: the scheduler wakes up then
        nextChange.report(NextChange.of(waiting, matches, policy, now.toEpochMilli()));
        return matches;
    }

    /**
     * Leaves out tickets past their max wait: the sweep that expires them runs after matching (MatchingEngine), so
     * one may still be in its queue for up to a tick, and it must not be matched after its deadline.
     */
    private static List<WaitingTicket> notOverdue(List<WaitingTicket> window, QueuePolicy policy, Instant now) {
        long deadline = now.toEpochMilli() - policy.maxWait().toMillis();
        for (WaitingTicket ticket : window) {
            if (ticket.enqueuedAtMillis() <= deadline) {
                return window.stream().filter(waiting -> waiting.enqueuedAtMillis() > deadline).toList();
            }
        }
        return window;
    }

    /** The first matches (the oldest anchors come first) whose players fit the tick's remaining budget. */
    private static List<ProposedMatch> withinBudget(List<ProposedMatch> matches, int budget) {
        int players = 0;
        for (int i = 0; i < matches.size(); i++) {
            players += matches.get(i).players();
            if (players >= budget) {
                return matches.subList(0, i + 1);
            }
        }
        return matches;
    }
}
