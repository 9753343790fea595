package dev.matchplane.bench;

import java.util.Map;

/**
 * The load generator: a process of its own, JDK only. Modes: {@code run} (the scenarios of one phase against a
 * running Matchplane), {@code redis} (Redis version and clients, for the report), {@code cleanup} (delete the
 * run's keys) and {@code report} (merge the phases into one table and latest.json). Driven by bench/run.sh.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Config config = new Config(args);
        switch (config.get("mode", "run")) {
            case "run":
                run(config);
                break;
            case "redis":
                try (Resp redis = new Resp(config.require("redis"))) {
                    Map<String, String> server = redis.info("server");
                    Map<String, String> clients = redis.info("clients");
                    System.out.println(server.get("redis_version") + " " + clients.get("connected_clients"));
                }
                break;
            case "cleanup":
                try (Resp redis = new Resp(config.require("redis"))) {
                    System.out.println("  removed " + redis.deletePrefix(config.require("prefix")) + " keys under "
                            + config.require("prefix"));
                }
                break;
            case "freeport":
                try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                        java.net.InetAddress.getLoopbackAddress())) {
                    System.out.println(socket.getLocalPort());
                }
                break;
            case "wait":
                waitForHealth(config);
                break;
            case "report":
                Report.write(config);
                break;
            case "interleave":
                Interleaved.run(config);
                break;
            default:
                throw new IllegalArgumentException("unknown mode " + config.get("mode", ""));
        }
    }

    /** Exits 0 once GET /health answers 200, 1 after the timeout. */
    private static void waitForHealth(Config config) throws InterruptedException {
        long deadline = System.nanoTime() + config.seconds("timeout", 120).toNanos();
        while (System.nanoTime() < deadline) {
            try (RawHttp http = new RawHttp(config.host(), config.port())) {
                if (http.get("/health") == 200) {
                    return;
                }
            }
            catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        System.exit(1);
    }

    private static void run(Config config) throws Exception {
        HttpScenarios http = new HttpScenarios(config);
        for (String scenario : config.list("scenarios", "health,enqueue,status")) {
            System.out.println("[" + config.phase() + "] " + scenario + " ...");
            switch (scenario) {
                case "warm":
                    http.warm();
                    break;
                case "health":
                    http.health();
                    break;
                case "enqueue":
                    http.enqueue();
                    break;
                case "status":
                    http.status();
                    break;
                case "ttm":
                    for (String rate : config.list("rates", "200,1000")) {
                        new Ttm(config).run(Integer.parseInt(rate));
                    }
                    break;
                case "drain":
                    new Drain(config).run();
                    break;
                case "quality":
                    new Quality(config).run();
                    break;
                case "drain-rules":
                    new RuledDrain(config).run();
                    break;
                case "sockets":
                    new Sockets(config).run();
                    break;
                default:
                    throw new IllegalArgumentException("unknown scenario " + scenario);
            }
        }
    }
}
