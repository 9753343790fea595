package dev.matchplane.support;

import java.io.IOException;
import java.net.ServerSocket;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The Redis every integration test talks to, resolved once per JVM in this order: {@code REDIS_URL} if set; else a
 * Testcontainers {@code redis:7-alpine} when a Docker engine answers; else an embedded Redis server started here.
 * Each test context gets its own key prefix (see {@link IntegrationTest}), so all of them share this one server.
 */
public final class TestRedis {

    private static volatile String url;

    private TestRedis() {
    }

    public static String url() {
        if (url == null) {
            synchronized (TestRedis.class) {
                if (url == null) {
                    url = resolve();
                    System.out.println("[matchplane-tests] Redis for tests: " + url);
                }
            }
        }
        return url;
    }

    private static String resolve() {
        String fromEnvironment = System.getenv("REDIS_URL");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.trim();
        }
        if (dockerAvailable()) {
            GenericContainer<?> redis = new GenericContainer<>(DockerImageName.parse("redis:7-alpine"))
                    .withExposedPorts(6379);
            redis.start();
            return "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379);
        }
        OwnRedisServer embedded = OwnRedisServer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::stop, "test-redis-stop"));
        return embedded.url();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (Throwable unavailable) {
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
