package dev.matchplane.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;

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
    /** Every key prefix handed out by {@link #newPrefix}: their keys are removed when the test JVM ends. */
    private static final Set<String> PREFIXES = ConcurrentHashMap.newKeySet();

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

    /**
     * A key prefix of its own ({@code <kind>-<8 random chars>:}) for a test context or a test's instances. Its keys
     * are removed when the test JVM ends, so a shared Redis (the CI machine's) does not fill up run after run: a
     * test that SCANs the keyspace gets slower with every key left behind.
     */
    public static String newPrefix(String kind) {
        String prefix = kind + "-" + UUID.randomUUID().toString().substring(0, 8) + ":";
        if (PREFIXES.isEmpty()) {
            synchronized (PREFIXES) {
                if (PREFIXES.isEmpty()) {
                    Runtime.getRuntime().addShutdownHook(new Thread(TestRedis::removeTestKeys, "test-redis-cleanup"));
                }
            }
        }
        PREFIXES.add(prefix);
        return prefix;
    }

    /** One SCAN over the keyspace (bounded: it ends with the cursor), unlinking the keys under the handed-out prefixes. */
    private static void removeTestKeys() {
        RedisClient client = RedisClient.create(RedisURI.create(url()));
        client.setDefaultTimeout(Duration.ofSeconds(5));
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = connection.sync().scan(cursor, ScanArgs.Builder.limit(5_000));
                String[] ours = page.getKeys().stream()
                        .filter(key -> key.indexOf(':') > 0 && PREFIXES.contains(key.substring(0, key.indexOf(':') + 1)))
                        .toArray(String[]::new);
                if (ours.length > 0) {
                    connection.sync().unlink(ours);
                }
                cursor = page;
            }
            while (!cursor.isFinished());
        }
        catch (RuntimeException unreachable) {
            System.err.println("[matchplane-tests] test keys not removed: " + unreachable);
        }
        finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
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
