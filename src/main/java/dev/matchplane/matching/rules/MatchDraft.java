package dev.matchplane.matching.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A candidate match grown ticket by ticket from its seed (its oldest ticket). {@link #tryAdd} admits a ticket only
 * if every hard rule that can be checked per ticket still holds (distance, equals, intersect, some region within
 * the latency limit, the parties still pack into the teams), so a draft is valid at every step; team balance and
 * the team minimums are checked once the teams are drawn.
 */
final class MatchDraft {

    final List<TicketProfile> tickets = new ArrayList<>();
    int players;
    private final CompiledRules rules;
    private final CompiledRules.Limits limits;
    private final double latencyMax;
    private final double[] low;
    private final double[] high;
    private final AttributeValue[] common;
    private final List<?>[] shared;
    private final int[] worst;
    private boolean anyLatency;
    private final int[] room;

    MatchDraft(CompiledRules rules, CompiledRules.Limits limits, int regions) {
        this.rules = rules;
        this.limits = limits;
        this.latencyMax = rules.latencyMax(limits);
        int count = rules.types.length;
        low = new double[count];
        high = new double[count];
        common = new AttributeValue[count];
        shared = new List<?>[count];
        worst = new int[regions];
        room = rules.teamMax.clone();
    }

    private MatchDraft(MatchDraft from) {
        rules = from.rules;
        limits = from.limits;
        latencyMax = from.latencyMax;
        low = from.low.clone();
        high = from.high.clone();
        common = from.common.clone();
        shared = from.shared.clone();
        worst = from.worst.clone();
        anyLatency = from.anyLatency;
        room = from.room.clone();
        tickets.addAll(from.tickets);
        players = from.players;
    }

    MatchDraft copy() {
        return new MatchDraft(this);
    }

    boolean full() {
        return players == rules.maxPlayers;
    }

    boolean tryAdd(TicketProfile candidate) {
        if (players + candidate.ticket.groupSize() > rules.maxPlayers || !rulesHold(candidate)
                || !latencyHolds(candidate) || !pack(candidate.ticket.groupSize())) {
            return false;
        }
        apply(candidate);
        return true;
    }

    private boolean rulesHold(TicketProfile candidate) {
        if (tickets.isEmpty()) {
            return true;
        }
        for (int r = 0; r < rules.types.length; r++) {
            boolean holds = switch (rules.types[r]) {
                case DISTANCE -> Math.max(high[r], candidate.number[r]) - Math.min(low[r], candidate.number[r])
                        <= limits.max()[r];
                case EQUALS -> common[r].equals(candidate.common[r]);
                case INTERSECT -> sharedCount(shared[r], candidate.shared[r]) >= limits.min()[r];
                case TEAM_BALANCE, LATENCY -> true;
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    static int sharedCount(List<?> mine, List<?> theirs) {
        int count = 0;
        for (Object value : mine) {
            if (theirs.contains(value)) {
                count++;
            }
        }
        return count;
    }

    private boolean latencyHolds(TicketProfile candidate) {
        if (latencyMax < 0 || candidate.worst == null) {
            return true;
        }
        for (int i = 0; i < worst.length; i++) {
            if (Math.max(worst[i], candidate.worst[i]) <= latencyMax) {
                return true;
            }
        }
        return false;
    }

    /** Worst fit first; when no team has room, a first-fit-decreasing repack of every party decides. */
    private boolean pack(int size) {
        int best = widest(room);
        if (room[best] >= size) {
            room[best] -= size;
            return true;
        }
        int[] sizes = new int[tickets.size() + 1];
        for (int i = 0; i < tickets.size(); i++) {
            sizes[i] = tickets.get(i).ticket.groupSize();
        }
        sizes[tickets.size()] = size;
        Arrays.sort(sizes);
        int[] repacked = rules.teamMax.clone();
        for (int i = sizes.length - 1; i >= 0; i--) {
            int team = widest(repacked);
            if (repacked[team] < sizes[i]) {
                return false;
            }
            repacked[team] -= sizes[i];
        }
        System.arraycopy(repacked, 0, room, 0, room.length);
        return true;
    }

    private static int widest(int[] room) {
        int best = 0;
        for (int i = 1; i < room.length; i++) {
            if (room[i] > room[best]) {
                best = i;
            }
        }
        return best;
    }

    private void apply(TicketProfile candidate) {
        boolean first = tickets.isEmpty();
        for (int r = 0; r < rules.types.length; r++) {
            switch (rules.types[r]) {
                case DISTANCE -> {
                    low[r] = first ? candidate.number[r] : Math.min(low[r], candidate.number[r]);
                    high[r] = first ? candidate.number[r] : Math.max(high[r], candidate.number[r]);
                }
                case EQUALS -> common[r] = candidate.common[r];
                case INTERSECT -> shared[r] = first ? candidate.shared[r]
                        : shared[r].stream().filter(candidate.shared[r]::contains).toList();
                case TEAM_BALANCE, LATENCY -> { }
            }
        }
        if (candidate.worst != null) {
            anyLatency = true;
            for (int i = 0; i < worst.length; i++) {
                worst[i] = Math.max(worst[i], candidate.worst[i]);
            }
        }
        tickets.add(candidate);
        players += candidate.ticket.groupSize();
    }

    /** The first intersect ticket of the draft (a seed alone) must itself meet each intersect min. */
    boolean seedHolds() {
        for (int r = 0; r < rules.types.length; r++) {
            if (rules.types[r] == RuleType.INTERSECT && shared[r].size() < limits.min()[r]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The region a latency rule chooses: smallest worst latency within the limit; ties go to the oldest ticket's
     * preferred region, then by name. -1 without a latency rule or when no player reported latencies.
     */
    int chosenRegion(String[] regions, @Nullable String preferred) {
        if (latencyMax < 0 || !anyLatency) {
            return -1;
        }
        int best = -1;
        for (int i = 0; i < regions.length; i++) {
            if (worst[i] > latencyMax) {
                continue;
            }
            if (best < 0 || worst[i] < worst[best]
                    || worst[i] == worst[best] && regions[i].equals(preferred) && !regions[best].equals(preferred)) {
                best = i;
            }
        }
        return best;
    }

    /** Equals values, and each intersect's first shared value in the seed's list order. */
    java.util.Map<String, Object> matchAttributes() {
        java.util.Map<String, Object> attributes = new java.util.TreeMap<>();
        for (int r = 0; r < rules.types.length; r++) {
            if (rules.types[r] == RuleType.EQUALS) {
                attributes.put(rules.attributes[r], common[r].json());
            } else if (rules.types[r] == RuleType.INTERSECT && !shared[r].isEmpty()) {
                attributes.put(rules.attributes[r], shared[r].get(0));
            }
        }
        return attributes;
    }

    /** The first distance rule's spread over the draft's party values (the rule candidates are chosen by). */
    @Nullable SkillSpread skillSpread() {
        int r = rules.firstRule(RuleType.DISTANCE);
        return r < 0 || tickets.isEmpty() ? null : new SkillSpread(rules.attributes[r], high[r] - low[r]);
    }
}
