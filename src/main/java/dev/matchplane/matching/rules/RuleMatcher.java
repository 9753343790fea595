package dev.matchplane.matching.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Matching under a rule set as a pure function of (rule set, window, now, queue waits, free capacity).
 *
 * <ul>
 * <li>Seeds are taken oldest first; a seed is the oldest ticket of its match, so expansions are read from its
 * wait. Its candidates are waiting tickets younger than it that share its equals values, the nearest by value
 * within the distance limit under a distance rule; they join oldest first while every hard rule still holds, so
 * a younger ticket never takes a place an older candidate could have had.</li>
 * <li>A draft forms when every team is at its maximum, or, once the seed has waited relax-after, when the teams
 * can each reach their minimum. Teams are drawn by {@link TeamPartition}.</li>
 * <li>A latency rule picks the region; the match forms only if that region has a free land, else it waits and
 * takes nothing. Without a region decision the seed's preferred region is tried first, then the most free.</li>
 * <li>A seed that cannot form a match now waits; tickets past max wait, before min wait, or lacking values the
 * rules need never join a match.</li>
 * </ul>
 * Stateless; deterministic for equal inputs (ties by enqueue time, then ticket id).
 */
public final class RuleMatcher {

    private static final Comparator<RuledTicket> OLDEST_FIRST = Comparator
            .comparingLong(RuledTicket::enqueuedAtMillis).thenComparing(RuledTicket::ticketId);
    private static final int MIN_CANDIDATES = 64;
    private static final int CANDIDATES_PER_PLAYER = 8;
    private static final int SEARCH_BUDGET = 2048;

    public MatchPlan propose(RuleSet set, List<RuledTicket> window, long nowMillis, QueueTiming timing,
            ServerCapacity capacity) {
        CompiledRules rules = new CompiledRules(set);
        String[] regions = TicketProfile.regions(window, capacity);
        List<RuledTicket> sorted = window.stream().sorted(OLDEST_FIRST).toList();
        List<TicketProfile> profiles = new ArrayList<>(sorted.size());
        for (int rank = 0; rank < sorted.size(); rank++) {
            profiles.add(TicketProfile.of(sorted.get(rank), rank, rules, regions));
        }
        int largestTeam = Arrays.stream(rules.teamMax).max().orElse(0);
        List<TicketProfile> eligible = profiles.stream()
                .filter(p -> p.usable && p.ticket.groupSize() <= largestTeam && eligible(p, nowMillis, timing))
                .toList();
        Map<List<AttributeValue>, CandidatePool> pools = pools(eligible, rules);
        CapacityLedger ledger = new CapacityLedger(capacity, regions);
        boolean[] matched = new boolean[profiles.size()];
        List<RuledMatch> matches = new ArrayList<>();
        int limit = Math.max(MIN_CANDIDATES, CANDIDATES_PER_PLAYER * rules.maxPlayers);
        for (TicketProfile seed : eligible) {
            if (matched[seed.rank]) {
                continue;
            }
            CandidatePool pool = pools.get(equalsKey(seed, rules));
            Formed formed = trySeed(seed, pool, rules, regions, ledger, nowMillis, timing, limit);
            pool.remove(seed);
            if (formed != null) {
                matches.add(formed.match());
                for (TicketProfile member : formed.members()) {
                    matched[member.rank] = true;
                    if (member != seed) {
                        pool.remove(member);
                    }
                }
            }
        }
        return new MatchPlan(matches, WakeUps.next(profiles, matched, rules, nowMillis, timing, largestTeam));
    }

    static boolean eligible(TicketProfile profile, long nowMillis, QueueTiming timing) {
        long waited = nowMillis - profile.ticket.enqueuedAtMillis();
        return waited >= timing.minWaitMs() && waited <= timing.maxWaitMs();
    }

    private record Formed(RuledMatch match, List<TicketProfile> members) {
    }

    private static @Nullable Formed trySeed(TicketProfile seed, CandidatePool pool, CompiledRules rules,
            String[] regions, CapacityLedger ledger, long nowMillis, QueueTiming timing, int limit) {
        long waited = nowMillis - seed.ticket.enqueuedAtMillis();
        CompiledRules.Limits limits = rules.at(waited);
        MatchDraft draft = new MatchDraft(rules, limits, regions.length);
        if (!draft.tryAdd(seed)) {
            return null;
        }
        int distance = rules.firstRule(RuleType.DISTANCE);
        double reach = distance < 0 ? Double.POSITIVE_INFINITY : limits.max()[distance];
        draft = fill(draft, pool.candidatesFor(seed, reach, limit), rules.maxPlayers);
        if (!draft.seedHolds() || !draft.full() && waited < timing.relaxAfterMs()) {
            return null;
        }
        int[] teams = TeamPartition.assign(draft.tickets, rules, limits);
        if (teams == null) {
            return null;
        }
        int region = draft.chosenRegion(regions, seed.ticket.preferredRegion());
        CapacityLedger.Reservation reserved = ledger.reserve(region, seed.ticket.preferredRegion());
        if (reserved == null) {
            return null;
        }
        return new Formed(toMatch(draft, teams, rules, region < 0 ? null : regions[region], reserved), draft.tickets);
    }

    /** The greedy fill (candidates oldest first) if it fills the teams, else the search's, else the greedy one. */
    private static MatchDraft fill(MatchDraft seedOnly, List<TicketProfile> candidates, int maxPlayers) {
        MatchDraft greedy = seedOnly.copy();
        for (int i = 0; i < candidates.size() && !greedy.full(); i++) {
            greedy.tryAdd(candidates.get(i));
        }
        if (greedy.full()) {
            return greedy;
        }
        MatchDraft searched = DraftSearch.fill(seedOnly, candidates, maxPlayers, SEARCH_BUDGET);
        return searched != null ? searched : greedy;
    }

    private static RuledMatch toMatch(MatchDraft draft, int[] teams, CompiledRules rules, @Nullable String region,
            CapacityLedger.Reservation reserved) {
        List<RuledMatch.Placement> placements = new ArrayList<>();
        for (int i = 0; i < draft.tickets.size(); i++) {
            placements.add(new RuledMatch.Placement(draft.tickets.get(i).ticket, rules.teamNames[teams[i]]));
        }
        placements.sort(Comparator.comparing(RuledMatch.Placement::ticket, OLDEST_FIRST));
        return new RuledMatch(placements, region, reserved.region(), draft.matchAttributes(), draft.skillSpread());
    }

    private static Map<List<AttributeValue>, CandidatePool> pools(List<TicketProfile> eligible, CompiledRules rules) {
        Map<List<AttributeValue>, List<TicketProfile>> grouped = new LinkedHashMap<>();
        for (TicketProfile profile : eligible) {
            grouped.computeIfAbsent(equalsKey(profile, rules), key -> new ArrayList<>()).add(profile);
        }
        int distance = rules.firstRule(RuleType.DISTANCE);
        Map<List<AttributeValue>, CandidatePool> pools = new HashMap<>();
        grouped.forEach((key, members) -> pools.put(key, new CandidatePool(members, distance)));
        return pools;
    }

    private static List<AttributeValue> equalsKey(TicketProfile profile, CompiledRules rules) {
        List<AttributeValue> key = new ArrayList<>(1);
        for (int r = 0; r < rules.types.length; r++) {
            if (rules.types[r] == RuleType.EQUALS) {
                key.add(profile.common[r]);
            }
        }
        return key;
    }
}
