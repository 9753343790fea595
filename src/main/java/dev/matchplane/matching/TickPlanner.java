package dev.matchplane.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import dev.matchplane.provisioning.GameServerRegistry;

/**
 * What one tick tries to match: the active queues whose landType has a live server (others are not even read),
 * their bounded windows, the matcher's proposals, cut at {@code max-players-per-tick}.
 */
final class TickPlanner {

    private final MatchStore store;
    private final GameServerRegistry servers;
    private final QueueCatalog catalog;
    private final MatchmakingProperties properties;
    private final Matcher matcher = new Matcher();

    TickPlanner(MatchStore store, GameServerRegistry servers, QueueCatalog catalog, MatchmakingProperties properties) {
        this.store = store;
        this.servers = servers;
        this.catalog = catalog;
        this.properties = properties;
    }

    Map<String, List<ProposedMatch>> propose(Instant now) {
        List<String> active = store.activeQueues();
        if (active.isEmpty()) {
            return Map.of();
        }
        Map<String, QueuePolicy> policies = new LinkedHashMap<>();
        active.forEach(queueKey -> policies.put(queueKey, catalog.policyFor(queueKey)));
        Set<String> served = servers.landTypesWithLiveServers(
                policies.values().stream().map(QueuePolicy::landType).distinct().toList(), now);
        List<String> matchable = new ArrayList<>(
                active.stream().filter(q -> served.contains(policies.get(q).landType())).toList());
        if (matchable.isEmpty()) {
            return Map.of();
        }
        // a different queue order each tick, so that when the cap cuts a tick short no queue is always last
        Collections.shuffle(matchable, ThreadLocalRandom.current());
        Map<String, List<ProposedMatch>> proposals = new LinkedHashMap<>();
        int budget = properties.maxPlayersPerTick();
        for (Map.Entry<String, List<WaitingTicket>> window : store.windows(matchable, properties.windowSize())
                .entrySet()) {
            QueuePolicy policy = policies.get(window.getKey());
            List<ProposedMatch> matches = withinBudget(matcher.propose(window.getValue(),
                    new QueueRules(policy.matchSize(), policy.minWait(), policy.relaxAfter()), now), budget);
            if (!matches.isEmpty()) {
                proposals.put(window.getKey(), matches);
                budget -= matches.stream().mapToInt(ProposedMatch::players).sum();
            }
            if (budget <= 0) {
                break;
            }
        }
        return proposals;
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
