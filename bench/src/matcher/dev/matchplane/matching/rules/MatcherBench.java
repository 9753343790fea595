package dev.matchplane.matching.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The rule matcher alone on one thread: a 10,000-ticket window under a 5v5 rule set with skill (distance 100
 * widening to 400), team balance and latency over 4 regions; parties of 1-3 (70/20/10 %), skill normal(1500, 300),
 * a fixed seed. Prints the milliseconds per window after a warm-up. Compiled by bench/run.sh (phase `matcher`)
 * against the application jar; never part of the application or its tests.
 */
public final class MatcherBench {

    private static final String[] REGIONS = {"eu-west", "us-east", "us-west", "ap-south"};
    private static final long NOW = 1_800_000_000_000L;

    private MatcherBench() {
    }

    /** Arguments (optional): tickets (10000), warm-up windows (30), measured windows (50), seed (42). */
    public static void main(String[] args) {
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int measured = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 42L;
        RuleSet set = ruleSet();
        List<RuledTicket> window = window(new Random(seed), tickets);
        QueueTiming timing = new QueueTiming(0, 30_000, 600_000);
        Map<String, Integer> free = new LinkedHashMap<>();
        for (String region : REGIONS) {
            free.put(region, ServerCapacity.UNLIMITED);
        }
        ServerCapacity capacity = new ServerCapacity(free, 0);
        RuleMatcher matcher = new RuleMatcher();
        MatchPlan plan = null;
        for (int i = 0; i < warmup; i++) {
            plan = matcher.propose(set, window, NOW, timing, capacity);
        }
        // CPU time of this thread as well as wall time: on a shared machine the wall time counts other processes.
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] millis = new double[measured];
        double[] cpu = new double[measured];
        for (int i = 0; i < measured; i++) {
            long start = System.nanoTime();
            long startCpu = threads.getCurrentThreadCpuTime();
            plan = matcher.propose(set, window, NOW, timing, capacity);
            cpu[i] = (threads.getCurrentThreadCpuTime() - startCpu) / 1e6;
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        Arrays.sort(cpu);
        int players = plan.matches().stream().mapToInt(RuledMatch::players).sum();
        System.out.printf("matcher: %d tickets, %d matches (%d players placed), per window: CPU median %.1f ms"
                + " (min %.1f), wall median %.1f ms (p90 %.1f) over %d windows after %d warm-up; one thread,"
                + " target <= 50 ms%n", tickets, plan.matches().size(), players, cpu[measured / 2], cpu[0],
                millis[measured / 2], millis[(int) (measured * 0.9)], measured, warmup);
    }

    static RuleSet ruleSet() {
        return new RuleSet(List.of("ranked:*"),
                Map.of("skill", new RuleSet.Attribute("number", 1500, "avg")),
                List.of(new RuleSet.Team("red", 5, null, null, null), new RuleSet.Team("blue", 5, null, null, null)),
                List.of(new RuleSet.Rule("close-skill", "distance", "skill", 100.0, null),
                        new RuleSet.Rule("fair-teams", "teamBalance", "skill", 50.0, null),
                        new RuleSet.Rule("ping", "latency", null, 80.0, null)),
                List.of(new RuleSet.Expansion("rules[close-skill].max",
                        List.of(new RuleSet.Step(10_000, 200), new RuleSet.Step(30_000, 400)))));
    }

    static List<RuledTicket> window(Random random, int size) {
        List<RuledTicket> window = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            double draw = random.nextDouble();
            int members = draw < 0.7 ? 1 : draw < 0.9 ? 2 : 3;
            int home = random.nextInt(REGIONS.length);
            List<String> ids = new ArrayList<>(members);
            Map<String, PlayerData> players = new LinkedHashMap<>();
            for (int m = 0; m < members; m++) {
                String id = "player-" + i + "-" + m;
                ids.add(id);
                Map<String, Integer> latencies = new LinkedHashMap<>();
                for (int r = 0; r < REGIONS.length; r++) {
                    latencies.put(REGIONS[r], r == home ? 15 + random.nextInt(50) : 70 + random.nextInt(180));
                }
                double skill = Math.round(1500 + 300 * random.nextGaussian());
                players.put(id, new PlayerData(Map.of("skill", new AttributeValue.NumberValue(skill)), latencies));
            }
            window.add(new RuledTicket("ticket-" + i, members, NOW - random.nextInt(30_000), REGIONS[home], ids,
                    players));
        }
        return window;
    }
}
