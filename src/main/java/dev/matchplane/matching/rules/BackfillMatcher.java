package dev.matchplane.matching.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Backfill under a rule set as a pure function of (rule set, land, window, now): which waiting tickets fill a
 * running land's open slots, and on which team.
 *
 * <ul>
 * <li>Tickets are tried oldest first; each joins if, together with the land's current players and the tickets
 * already chosen, every hard rule still holds ({@link BackfillDraft}), so an older ticket that fits is never passed
 * over for a younger one.</li>
 * <li>The first ticket that joins is the oldest of the fill: expansions apply from its wait, as for a match.</li>
 * <li>Current players count one by one (the game server reports players, not parties), and rules are judged on
 * every pair or team the fill changes; what the current players already are among themselves is not ours to
 * judge.</li>
 * <li>Tickets past max wait, lacking values the rules need, or larger than every team's open slots wait; min wait
 * does not apply (the game is running), as for queues without a rule set.</li>
 * </ul>
 * Stateless; deterministic for equal inputs (ties by enqueue time, then ticket id).
 */
public final class BackfillMatcher {

    private static final Comparator<RuledTicket> OLDEST_FIRST = Comparator
            .comparingLong(RuledTicket::enqueuedAtMillis).thenComparing(RuledTicket::ticketId);

    /**
     * @param window the queue's waiting tickets not yet taken by another request this tick, any order
     * @param budget the most players this fill may take (the tick's remaining {@code max-players-per-tick})
     */
    public BackfillPlan choose(RuleSet set, LandRoster land, List<RuledTicket> window, long nowMillis,
            long maxWaitMs, int budget) {
        CompiledRules rules = new CompiledRules(set);
        String[] regions = regions(land, window);
        BackfillDraft draft = new BackfillDraft(rules, land, seated(land, rules, regions, nowMillis), regions);
        int left = budget;
        List<RuledTicket> sorted = window.stream().sorted(OLDEST_FIRST).toList();
        for (int rank = 0; rank < sorted.size() && !draft.full(); rank++) {
            RuledTicket ticket = sorted.get(rank);
            long waited = nowMillis - ticket.enqueuedAtMillis();
            if (waited > maxWaitMs || ticket.groupSize() > left) {
                continue;
            }
            TicketProfile candidate = TicketProfile.of(ticket, rank, rules, regions);
            if (candidate.usable && draft.tryAdd(candidate, waited)) {
                left -= ticket.groupSize();
            }
        }
        return draft.plan();
    }

    /** Each current player as a party of one, by player id; those lacking values the rules need are left out. */
    private static List<TicketProfile> seated(LandRoster land, CompiledRules rules, String[] regions,
            long nowMillis) {
        List<TicketProfile> seated = new ArrayList<>();
        new TreeMap<>(land.players()).forEach((playerId, player) -> {
            RuledTicket alone = new RuledTicket("seated:" + playerId, 1, nowMillis, null, List.of(playerId),
                    Map.of(playerId, player.data()));
            TicketProfile profile = TicketProfile.of(alone, -1, rules, regions);
            if (profile.usable) {
                seated.add(profile);
            }
        });
        return seated;
    }

    /** The land's region and every region a ticket or current player reported, by name. */
    private static String[] regions(LandRoster land, List<RuledTicket> window) {
        Stream<String> reported = Stream.concat(
                window.stream().flatMap(t -> t.players().values().stream()),
                land.players().values().stream().map(LandRoster.SeatedPlayer::data))
                .flatMap(player -> player.latencies().keySet().stream());
        return Stream.concat(Stream.ofNullable(land.region()), reported).distinct().sorted().toArray(String[]::new);
    }

    /** The index of {@code team} among the set's teams (clones expanded), or -1 for a name it does not have. */
    static int teamIndex(CompiledRules rules, String team) {
        for (int t = 0; t < rules.teamNames.length; t++) {
            if (rules.teamNames[t].equals(team)) {
                return t;
            }
        }
        return -1;
    }
}
