package dev.matchplane.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The simulated players of the quality scenario, the same for every run with the same seed: parties of 1-3 players
 * (70/20/10 % of parties), skill normal(1500, 300) for the leader and within normal(0, 100) of it for friends, a
 * home region among four, and a latency to each region from a base table plus a per-player spread.
 */
final class Population {

    static final List<String> REGIONS = List.of("eu-west", "us-east", "us-west", "ap-southeast");
    /** Share of players living in each region, in {@link #REGIONS} order. */
    private static final double[] HOME_SHARE = { 0.35, 0.30, 0.20, 0.15 };
    /**
     * Round-trip base (ms) from a home region (row) to a server region (column): public-cloud figures of the order
     * seen between these regions (same region 20-35, transatlantic ~85, transpacific 140-200).
     */
    private static final int[][] BASE_RTT = {
            { 25, 85, 150, 180 },
            { 85, 25, 70, 200 },
            { 150, 70, 25, 140 },
            { 180, 200, 140, 30 } };

    /** One player: skill and latency per region. */
    record Member(String id, double skill, Map<String, Integer> latencies) {

        int latencyTo(String region) {
            return latencies.getOrDefault(region, Integer.MAX_VALUE);
        }
    }

    /** One ticket: a party whose leader enqueues for all of it. */
    record Party(String id, String homeRegion, List<Member> members) {

        /** The enqueue message of the WebSocket API: {@link #enqueueBody} with its action. */
        String enqueueMessage(String queueKey) {
            return "{\"action\":\"enqueue\"," + enqueueBody(queueKey).substring(1);
        }

        /** The body of POST /v1/matchmaking/enqueue, with each member's skill and latencies. */
        String enqueueBody(String queueKey) {
            StringBuilder names = new StringBuilder();
            StringBuilder players = new StringBuilder();
            for (Member m : members) {
                names.append(names.isEmpty() ? "" : ",").append('"').append(m.id()).append('"');
                players.append(players.isEmpty() ? "" : ",").append('"').append(m.id())
                        .append("\":{\"attributes\":{\"skill\":").append(Math.round(m.skill()))
                        .append("},\"latencies\":").append(Fmt.json(m.latencies())).append('}');
            }
            return "{\"queueKey\":\"" + queueKey + "\",\"groupId\":\"" + id
                    + "\",\"members\":[" + names + "],\"groupSize\":" + members.size() + ",\"region\":\""
                    + homeRegion + "\",\"players\":{" + players + "}}";
        }
    }

    private Population() {
    }

    /** Parties until {@code players} players exist (the last party may be cut to fit). */
    static List<Party> generate(long seed, int players, String idPrefix) {
        Random random = new Random(seed);
        List<Party> parties = new ArrayList<>();
        int made = 0;
        while (made < players) {
            double roll = random.nextDouble();
            int size = Math.min(roll < 0.7 ? 1 : roll < 0.9 ? 2 : 3, players - made);
            int home = pick(random);
            double leaderSkill = 1500 + 300 * random.nextGaussian();
            List<Member> members = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                double skill = i == 0 ? leaderSkill : leaderSkill + 100 * random.nextGaussian();
                members.add(new Member(idPrefix + "p" + (made + i), skill, latencies(random, home)));
            }
            parties.add(new Party(idPrefix + "g" + parties.size(), REGIONS.get(home), members));
            made += size;
        }
        return parties;
    }

    private static int pick(Random random) {
        double roll = random.nextDouble();
        for (int i = 0; i < HOME_SHARE.length; i++) {
            roll -= HOME_SHARE[i];
            if (roll < 0) {
                return i;
            }
        }
        return HOME_SHARE.length - 1;
    }

    /** Base times 0.7-1.6 (last-mile quality), plus jitter; at least 5 ms. */
    private static Map<String, Integer> latencies(Random random, int home) {
        double lastMile = 0.7 + 0.9 * random.nextDouble() * random.nextDouble();
        Map<String, Integer> latencies = new LinkedHashMap<>();
        for (int region = 0; region < REGIONS.size(); region++) {
            long ms = Math.round(BASE_RTT[home][region] * lastMile + 5 * random.nextGaussian());
            latencies.put(REGIONS.get(region), (int) Math.max(5, ms));
        }
        return latencies;
    }
}
