package dev.matchplane.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.matchplane.support.HttpJson;

/**
 * One Matchplane instance in a JVM of its own: the application's main class on this test JVM's classpath (during
 * {@code mvn verify} the jar is not packaged yet when tests run), on a free loopback port, its output in
 * {@code target/}. {@link #kill()} is SIGKILL ({@link Process#destroyForcibly()}): no shutdown hook, no step-down.
 */
final class ChildInstance implements AutoCloseable {

    private final String name;
    private final int port;
    private final Process process;

    private ChildInstance(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /** Starts an instance with these {@code --name=value} settings beside the port and node id. */
    static ChildInstance start(String name, List<String> settings) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx384m",
                "-cp", System.getProperty("java.class.path"), "dev.matchplane.MatchplaneApplication",
                "--server.port=" + port, "--matchmaking.node-id=" + name));
        command.addAll(settings);
        try {
            Path log = Files.createDirectories(Path.of("target", "child-instances")).resolve(name + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new ChildInstance(name, port, process);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    String name() {
        return name;
    }

    HttpJson http() {
        return new HttpJson("http://127.0.0.1:" + port);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    boolean ready() {
        try {
            return process.isAlive() && http().get("/health").status() == 200;
        }
        catch (RuntimeException notYet) {
            return false;
        }
    }

    /** How many shards this instance holds, by its own {@code matchplane_tick_lock_held} gauges. */
    int shardsHeld() {
        try {
            return http().get("/actuator/prometheus").body().lines()
                    .filter(line -> line.startsWith("matchplane_tick_lock_held{") && line.endsWith("} 1.0")).toList()
                    .size();
        }
        catch (RuntimeException unreachable) {
            return 0;
        }
    }

    /** This instance's own view: its {@code matchplane_tick_lock_held} gauge of the shard is 1. */
    boolean holdsShard(int shard) {
        try {
            return http().get("/actuator/prometheus").body()
                    .contains("matchplane_tick_lock_held{shard=\"" + shard + "\"} 1.0");
        }
        catch (RuntimeException unreachable) {
            return false;
        }
    }

    /** SIGKILL, as the OOM killer or a lost node would: nothing runs in the process after it. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " did not die after SIGKILL");
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(Duration.ofSeconds(20).toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public String toString() {
        return name + " (port " + port + ", pid " + process.pid() + ")";
    }
}
