package dev.matchplane.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * quality: the same simulated population ({@link Population}, fixed seed) arrives twice at a fixed rate over
 * WebSocket, once into a queue under the 5v5 ranked rule set below and once into a plain {@code :10} queue (the
 * baseline). Four game servers, one per region. Each party's leader enqueues with every member's skill and
 * latencies; the scenario waits until every party is assigned or expired (the phase runs with a max wait), then
 * {@link MatchQuality} judges the matches from the players' own data.
 */
final class Quality {

    /**
     * 5v5 ranked with parties: skill within 100 widening to 400 over 30 s, teams within 50 of each other, and a
     * region within 80 ms of every player.
     */
    static final String RANKED_5V5 = """
            {"queues": ["%s"],
             "attributes": {"skill": {"type": "number", "default": 1500, "party": "avg"}},
             "teams": [{"name": "red", "players": 5}, {"name": "blue", "players": 5}],
             "rules": [
               {"name": "close-skill", "type": "distance", "attribute": "skill", "max": 100},
               {"name": "fair-teams", "type": "teamBalance", "attribute": "skill", "max": 50},
               {"name": "ping", "type": "latency", "max": 80}],
             "expansions": [
               {"target": "rules[close-skill].max",
                "steps": [{"afterMs": 10000, "value": 200}, {"afterMs": 20000, "value": 300},
                          {"afterMs": 30000, "value": 400}]}]}""";

    private final Config config;

    Quality(Config config) {
        this.config = config;
    }

    void run() throws Exception {
        long seed = config.integer("qualitySeed", 42);
        int players = config.integer("qualityPlayers", 20_000);
        int rate = config.integer("qualityRate", 200);
        String tag = Config.tag();
        MatchQuality baseline = runOnce(false, Population.generate(seed, players, "qn" + tag + "-"), rate, tag);
        MatchQuality ruled = runOnce(true, Population.generate(seed, players, "qr" + tag + "-"), rate, tag);
        String population = Fmt.num(players) + " players @" + rate + "/s, seed " + seed;
        baseline.result(config, "no rules (:10 by party size), " + population, null).save(config.parts());
        ruled.result(config, "5v5 ranked rule set, " + population, baseline).save(config.parts());
    }

    private MatchQuality runOnce(boolean rules, List<Population.Party> parties, int rate, String tag)
            throws Exception {
        String landType = (rules ? "qr" : "qn") + tag;
        String queueKey = landType + ":10";
        if (rules) {
            putRuleSet("quality-" + tag, landType + ":*");
        }
        System.out.printf("  quality (%s): %d parties into %s%n", rules ? "rules" : "no rules", parties.size(),
                queueKey);
        List<Player> leaders = new ArrayList<>(parties.size());
        try (WsClient client = Ttm.client(config); AutoCloseable heartbeat = heartbeat(config, landType)) {
            long start = System.nanoTime();
            long playersSoFar = 0;
            for (Population.Party party : parties) {
                long due = start + playersSoFar * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                Player leader = new Player(party.members().get(0).id(), true, party.enqueueMessage(queueKey));
                leaders.add(leader);
                leader.startedAt = System.nanoTime();
                client.connect(leader, Duration.ofSeconds(10));
                playersSoFar += party.members().size();
            }
            long deadline = System.nanoTime() + config.seconds("qualityGrace", 75).toNanos();
            while (System.nanoTime() < deadline && leaders.stream().anyMatch(Quality::stillWaiting)) {
                Thread.sleep(100);
            }
        }
        return new MatchQuality(parties, leaders);
    }

    private static boolean stillWaiting(Player leader) {
        return leader.assignedCount == 0 && !leader.expired && leader.error == null;
    }

    /**
     * Registers the servers, then again every 10 s (registration is the heartbeat): a run outlasts the registry's
     * server TTL (90 s by default), after which silent servers are removed.
     */
    static AutoCloseable heartbeat(Config config, String landType) throws IOException {
        registerServers(config, landType);
        java.util.concurrent.ScheduledExecutorService beat = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor();
        beat.scheduleWithFixedDelay(() -> {
            try {
                registerServers(config, landType);
            }
            catch (IOException ex) {
                System.err.println("quality heartbeat: " + ex);
            }
        }, 10, 10, java.util.concurrent.TimeUnit.SECONDS);
        return beat::shutdownNow;
    }

    /** One game server per region of {@link Population#REGIONS}, named {@code srv-<landType>-<region>}. */
    static void registerServers(Config config, String landType) throws IOException {
        try (RawHttp http = new RawHttp(config.host(), config.port())) {
            for (String region : Population.REGIONS) {
                int status = http.post("/v1/provisioning/servers/register", "{\"serverId\":\"srv-" + landType + "-"
                        + region + "\",\"host\":\"127.0.0.1\",\"port\":7777,\"landType\":\"" + landType
                        + "\",\"region\":\"" + region + "\"}");
                if (status != 200) {
                    throw new IOException("register failed: " + status + " " + http.body());
                }
            }
        }
    }

    private void putRuleSet(String name, String pattern) throws IOException {
        try (RawHttp http = new RawHttp(config.host(), config.port())) {
            int status = http.put("/v1/admin/rulesets/" + name, RANKED_5V5.formatted(pattern));
            if (status != 200) {
                throw new IOException("rule set refused: " + status + " " + http.body());
            }
        }
    }
}
