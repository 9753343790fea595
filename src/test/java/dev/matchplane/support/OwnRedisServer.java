package dev.matchplane.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.test.context.DynamicPropertyRegistry;
import redis.embedded.RedisServer;

/**
 * A Redis server a test owns: started on a free loopback port from the binary that embedded-redis ships (so it
 * works with only a JDK), stoppable, killable and restartable on the same port for fault injection.
 */
public final class OwnRedisServer {

    private final int port;
    private final List<String> settings;
    private RedisServer server;

    private OwnRedisServer(int port, List<String> settings) {
        this.port = port;
        this.settings = settings;
    }

    /** A throw-away server without persistence. */
    public static OwnRedisServer start() {
        return start(List.of("save \"\"", "appendonly no"));
    }

    /** A server that persists every write (AOF, fsync always) in a fresh directory, to survive a kill and restart. */
    public static OwnRedisServer startDurable() {
        try {
            Path dir = Files.createTempDirectory("matchplane-redis");
            return start(List.of("save \"\"", "appendonly yes", "appendfsync always", "dir " + dir));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static OwnRedisServer start(List<String> settings) {
        OwnRedisServer own = new OwnRedisServer(TestRedis.freePort(), settings);
        own.restart();
        return own;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /**
     * Points the test's application at this server, under a key prefix of its own ({@code <stem>-<random>:}), from
     * a {@code @DynamicPropertySource} method.
     */
    public void wireInto(DynamicPropertyRegistry registry, String keyPrefixStem) {
        registry.add("spring.data.redis.url", this::url);
        registry.add("matchmaking.redis.key-prefix", () -> keyPrefixStem + "-"
                + UUID.randomUUID().toString().substring(0, 8) + ":");
    }

    public int port() {
        return port;
    }

    public void restart() {
        restart(List.of());
    }

    /**
     * Restarts with extra settings for this run only, for example {@code key-load-delay} to keep the server answering
     * {@code LOADING} for a while. Returns once the server has loaded its data and accepts commands.
     */
    public void restart(List<String> extraSettings) {
        try {
            var builder = RedisServer.newRedisServer().port(port).bind("127.0.0.1");
            for (String setting : new ArrayList<>(settings)) {
                builder.setting(setting);
            }
            for (String setting : extraSettings) {
                builder.setting(setting);
            }
            server = builder.build();
            server.start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * SIGKILL, as a crash or an OOM killer would: no shutdown, no final save; only what the AOF had fsynced survives.
     * embedded-redis does not expose its process, so the pid comes from the server itself ({@code INFO server}).
     */
    public void kill() {
        long pid = processId();
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("No process " + pid + " for Redis on port " + port));
        process.destroyForcibly();
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("Redis (pid " + pid + ") did not die after SIGKILL", ex);
        }
        server = null;
    }

    private long processId() {
        return Long.parseLong(info("server", "process_id"));
    }

    /** Whether the server is loading its data set right now ({@code INFO persistence}, answered even while loading). */
    public boolean isLoading() {
        return "1".equals(info("persistence", "loading"));
    }

    /** One field of {@code INFO section}, asked over a bare RESP connection (no client library, no pooling). */
    private String info(String section, String field) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("*2\r\n$4\r\nINFO\r\n$" + section.length() + "\r\n" + section + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith(field + ":")) {
                    return line.substring(field.length() + 1).trim();
                }
            }
            throw new IllegalStateException("Redis on port " + port + " did not report " + field);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public void stop() {
        try {
            if (server != null && server.isActive()) {
                server.stop();
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
