package dev.matchplane.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one quality run, judged from the players' own data (skill, latencies) and what their leaders were
 * pushed (match, team, region), never from what the service says about its matches.
 */
final class MatchQuality {

    private static final int PING_LIMIT_MS = 80;

    private final List<Double> skillSpreads = new ArrayList<>();
    private final List<Double> imbalances = new ArrayList<>();
    private final Latencies waits = new Latencies();
    private final List<Player> leaders;
    private final int players;
    private int matchedPlayers;
    private int withinPing;
    private int withoutRegion;
    private int expiredPlayers;
    private int failedPlayers;
    private int matches;

    MatchQuality(List<Population.Party> parties, List<Player> leaders) {
        this.leaders = leaders;
        Map<String, List<Seat>> byMatch = new HashMap<>();
        int total = 0;
        for (int i = 0; i < parties.size(); i++) {
            Population.Party party = parties.get(i);
            Player leader = leaders.get(i);
            total += party.members().size();
            if (leader.assignedCount == 0) {
                if (leader.expired) {
                    expiredPlayers += party.members().size();
                }
                else if (leader.enqueuedAt == 0) {
                    failedPlayers += party.members().size();
                }
                continue;
            }
            byMatch.computeIfAbsent(leader.matchId, k -> new ArrayList<>()).add(new Seat(party, leader));
            for (Population.Member member : party.members()) {
                matchedPlayers++;
                waits.add(leader.assignedAt - leader.sentAt);
                String region = regionOf(leader);
                if (region == null) {
                    withoutRegion++;
                }
                else if (member.latencyTo(region) <= PING_LIMIT_MS) {
                    withinPing++;
                }
            }
        }
        this.players = total;
        this.matches = byMatch.size();
        byMatch.values().forEach(this::judge);
    }

    /**
     * The assignment's region; a queue without a rule set reports none, so then the region of the server the land
     * is on (the quality scenario names its servers {@code srv-<landType>-<region>}).
     */
    private static String regionOf(Player leader) {
        if (leader.region != null) {
            return leader.region;
        }
        String server = leader.serverId;
        return server == null ? null : Population.REGIONS.stream().filter(server::endsWith).findFirst().orElse(null);
    }

    /** A party in a match, with the team its leader was given. */
    private record Seat(Population.Party party, Player leader) {
    }

    private void judge(List<Seat> match) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        Map<String, double[]> teamSums = new LinkedHashMap<>();
        for (Seat seat : match) {
            for (Population.Member member : seat.party().members()) {
                min = Math.min(min, member.skill());
                max = Math.max(max, member.skill());
                if (seat.leader().team != null) {
                    double[] sum = teamSums.computeIfAbsent(seat.leader().team, k -> new double[2]);
                    sum[0] += member.skill();
                    sum[1]++;
                }
            }
        }
        skillSpreads.add(max - min);
        if (teamSums.size() >= 2) {
            double low = Double.MAX_VALUE;
            double high = -Double.MAX_VALUE;
            for (double[] sum : teamSums.values()) {
                low = Math.min(low, sum[0] / sum[1]);
                high = Math.max(high, sum[0] / sum[1]);
            }
            imbalances.add(high - low);
        }
    }

    Result result(Config config, String setup, MatchQuality baseline) {
        double unmatched = share(players - matchedPlayers);
        Result r = new Result("quality", config.phase())
                .put("setup", setup)
                .put("players", players)
                .put("matches", matches)
                .put("matched_players", matchedPlayers)
                .put("skill_spread", Map.of("p50", Fmt.round(percentile(skillSpreads, 50)), "p90",
                        Fmt.round(percentile(skillSpreads, 90)), "note", "max - min player skill in a match"))
                .put("team_imbalance_p50", imbalances.isEmpty() ? null : Fmt.round(percentile(imbalances, 50)))
                .put("wait", waits.summary())
                .put("within_80ms_share", Fmt.round(withinPing / (double) Math.max(1, matchedPlayers)))
                .put("matched_without_region", withoutRegion)
                .put("never_matched_share", Fmt.round(unmatched))
                .put("expired_players", expiredPlayers)
                .put("not_admitted_players", failedPlayers)
                .put("estimate", EstimateError.of(leaders));
        String figure = "skill spread p50/p90 " + Fmt.num(percentile(skillSpreads, 50)) + "/"
                + Fmt.num(percentile(skillSpreads, 90)) + "; imbalance p50 "
                + (imbalances.isEmpty() ? "n/a (no teams)" : Fmt.num(percentile(imbalances, 50))) + "; wait p50/p90/p99 "
                + Fmt.ms(waits.ms(50)) + "/" + Fmt.ms(waits.ms(90)) + "/" + Fmt.ms(waits.ms(99)) + " ms; "
                + Fmt.pct(withinPing / (double) Math.max(1, matchedPlayers)) + " within 80 ms; "
                + Fmt.pct(unmatched) + " never matched";
        String reference = baseline == null ? "" : "baseline: spread p50 "
                + Fmt.num(percentile(baseline.skillSpreads, 50)) + ", wait p50 " + Fmt.ms(baseline.waits.ms(50))
                + " ms, " + Fmt.pct(baseline.withinPing / (double) Math.max(1, baseline.matchedPlayers))
                + " within 80 ms";
        return r.row(setup, figure, reference, "", "", "reported");
    }

    private double share(int count) {
        return count / (double) Math.max(1, players);
    }

    private static double percentile(List<Double> values, double percentile) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int index = (int) Math.ceil(percentile / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
