package dev.matchplane.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import redis.embedded.RedisServer;

/**
 * A Redis server a test owns: started on a free loopback port from the binary that embedded-redis ships (so it
 * works with only a JDK), stoppable and restartable on the same port for fault injection.
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

    public int port() {
        return port;
    }

    public void restart() {
        try {
            var builder = RedisServer.newRedisServer().port(port).bind("127.0.0.1");
            for (String setting : new ArrayList<>(settings)) {
                builder.setting(setting);
            }
            server = builder.build();
            server.start();
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
