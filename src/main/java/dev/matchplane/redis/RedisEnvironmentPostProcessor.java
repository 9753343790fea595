package dev.matchplane.redis;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import redis.embedded.RedisServer;

/**
 * Resolves the Redis address before any bean connects to it.
 * <ul>
 * <li>The compat variable {@code REDIS_URL} overrides host, port and database when it is not blank (Spring's own
 * {@code spring.data.redis.url} cannot take an empty default).</li>
 * <li>With {@code matchmaking.redis.embedded=auto} and nothing answering at that address, an embedded Redis is
 * started on a free loopback port so that {@code ./mvnw spring-boot:run} works on a machine with only a JDK.</li>
 * </ul>
 * This runs before the context exists, hence an environment post-processor rather than a bean.
 */
public class RedisEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    private static final int PROBE_TIMEOUT_MS = 500;

    private final Log log;

    public RedisEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(RedisEnvironmentPostProcessor.class);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> overrides = new HashMap<>();
        String compatUrl = environment.getProperty("REDIS_URL", "");
        if (!compatUrl.isBlank() && !environment.containsProperty("spring.data.redis.url")) {
            overrides.put("spring.data.redis.url", compatUrl.trim());
        }
        String mode = environment.getProperty("matchmaking.redis.embedded", "auto").toLowerCase(Locale.ROOT);
        if ("auto".equals(mode) && !usesSentinelOrCluster(environment)) {
            InetSocketAddress target = configuredAddress(environment, (String) overrides.get("spring.data.redis.url"));
            if (!answers(target)) {
                overrides.put("spring.data.redis.url", startEmbedded(target));
            }
        }
        if (!overrides.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("matchplaneRedis", overrides));
        }
    }

    private static boolean usesSentinelOrCluster(ConfigurableEnvironment environment) {
        return environment.containsProperty("spring.data.redis.sentinel.master")
                || environment.containsProperty("spring.data.redis.cluster.nodes");
    }

    private static InetSocketAddress configuredAddress(ConfigurableEnvironment environment, String overrideUrl) {
        String url = overrideUrl != null ? overrideUrl : environment.getProperty("spring.data.redis.url", "");
        if (!url.isBlank()) {
            URI uri = URI.create(url);
            return new InetSocketAddress(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6379);
        }
        String host = environment.getProperty("spring.data.redis.host", "localhost");
        int port = environment.getProperty("spring.data.redis.port", Integer.class, 6379);
        return new InetSocketAddress(host, port);
    }

    private static boolean answers(InetSocketAddress address) {
        if (address.isUnresolved()) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(address, PROBE_TIMEOUT_MS);
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    private String startEmbedded(InetSocketAddress unreachable) {
        int port = freePort();
        try {
            RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(server), "embedded-redis-stop"));
        }
        catch (IOException ex) {
            throw new IllegalStateException("No Redis answers at " + unreachable
                    + " and the embedded Redis could not start; set REDIS_URL or REDIS_HOST/REDIS_PORT", ex);
        }
        log.warn("""

                ****************************************************************************************
                * No Redis answers at %s: started an EMBEDDED Redis on 127.0.0.1:%d.
                * All tickets, matches and keys live only as long as this process. Development only:
                * production sets matchmaking.redis.embedded=never (MATCHMAKING_REDIS_EMBEDDED=never).
                ****************************************************************************************"""
                .formatted(unreachable, port));
        return "redis://127.0.0.1:" + port;
    }

    private static void stopQuietly(RedisServer server) {
        try {
            server.stop();
        }
        catch (IOException ignored) {
            // the process is exiting; the child dies with it
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException("No free port for the embedded Redis", ex);
        }
    }
}
