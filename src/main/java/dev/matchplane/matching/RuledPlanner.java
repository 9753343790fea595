package dev.matchplane.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

import dev.matchplane.matching.rules.MatchPlan;
import dev.matchplane.matching.rules.QueueTiming;
import dev.matchplane.matching.rules.RuleMatcher;
import dev.matchplane.matching.rules.RuleSet;
import dev.matchplane.matching.rules.RuledMatch;
import dev.matchplane.rulesets.RuleSets;
import dev.matchplane.rulesets.StoredRuleSet;
import org.jspecify.annotations.Nullable;

/**
 * The tick's side of rule-set matching: which queues a rule set governs, and the {@link RuleMatcher}'s matches
 * turned into proposals the tick claims like any other, each with its {@link MatchLayout}.
 */
final class RuledPlanner {

    private final RuleMatcher matcher = new RuleMatcher();

    /** Every queue pattern of every rule set: the window read adds player data for the queues they match. */
    static Set<String> patterns(SortedMap<String, StoredRuleSet> sets) {
        Set<String> patterns = new LinkedHashSet<>();
        sets.values().forEach(stored -> patterns.addAll(stored.ruleSet().queues()));
        return patterns;
    }

    static @Nullable StoredRuleSet governing(SortedMap<String, StoredRuleSet> sets, String queueKey) {
        return RuleSets.select(sets, queueKey).orElse(null);
    }

    /**
     * The matcher leaves out tickets before min wait or past max wait itself. Reports to {@code nextChange} when the
     * queue can next match differently with no new enqueue (min wait, relax-after, an expansion step, max wait).
     */
    List<ProposedMatch> propose(RuleSet set, QueueWindow window, QueuePolicy policy, Instant now,
            NextChange nextChange) {
        QueueTiming timing = new QueueTiming(policy.minWait().toMillis(), policy.relaxAfter().toMillis(),
                policy.maxWait().toMillis());
        MatchPlan plan = matcher.propose(set, window.ruled(), now.toEpochMilli(), timing, window.capacity());
        nextChange.report(plan.nextChangeAtMillis());
        List<ProposedMatch> proposals = new ArrayList<>(plan.matches().size());
        for (RuledMatch match : plan.matches()) {
            proposals.add(toProposal(match));
        }
        return proposals;
    }

    private static ProposedMatch toProposal(RuledMatch match) {
        List<WaitingTicket> tickets = new ArrayList<>(match.tickets().size());
        Map<String, String> teams = new HashMap<>();
        for (RuledMatch.Placement placement : match.tickets()) {
            tickets.add(new WaitingTicket(placement.ticket().ticketId(), placement.ticket().groupSize(),
                    placement.ticket().enqueuedAtMillis()));
            teams.put(placement.ticket().ticketId(), placement.team());
        }
        return new ProposedMatch(tickets, new MatchLayout(teams, match.region(), match.capacityRegion(),
                match.matchAttributes(), match.skillSpread()));
    }
}
