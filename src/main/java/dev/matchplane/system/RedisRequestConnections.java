package dev.matchplane.system;

import java.time.Duration;
import java.util.Locale;

import javax.net.ssl.SSLParameters;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.data.redis.connection.RedisPassword;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisClientConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import redis.clients.jedis.JedisPoolConfig;

/**
 * Redis for the one command of a client request (enqueue, status, cancel): a pool of blocking connections that
 * the request thread writes to and reads from itself. The shared Lettuce connection hands every command to its
 * event-loop thread and parks the caller until the reply comes back; per request that hand-off (a wake-up of the
 * event loop, its own socket calls, a wake-up of the caller) cost more CPU than the rest of the Redis call
 * (docs/benchmarks.md). Same commands, same scripts, same exception translation (Spring Data Redis over Jedis), so a
 * Redis outage is still a fast 503.
 * <p>
 * Only for a single Redis server. With {@code matchmaking.redis.request-connections=0}, or when Redis is reached
 * through Sentinel, a cluster or static replicas, {@link #template()} is the shared Lettuce template.
 * Not a {@code RedisConnectionFactory} bean on purpose: one would replace Spring Boot's own (Lettuce) factory.
 */
@Component
public class RedisRequestConnections implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisRequestConnections.class);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final StringRedisTemplate template;
    private final @Nullable JedisConnectionFactory factory;

    RedisRequestConnections(StringRedisTemplate shared, DataRedisConnectionDetails details,
            DataRedisProperties properties, @Value("${matchmaking.redis.request-connections:64}") int connections) {
        if (connections <= 0 || !isStandalone(details)) {
            log.info("Request commands use the shared Redis connection ({})",
                    connections <= 0 ? "matchmaking.redis.request-connections=0" : "Redis is not a single server");
            this.factory = null;
            this.template = shared;
            return;
        }
        this.factory = new JedisConnectionFactory(standalone(details), client(details, properties, connections));
        this.factory.afterPropertiesSet();
        this.factory.start();
        this.template = new StringRedisTemplate(this.factory);
    }

    /** The template for a request's single command: blocking connections when configured, else the shared one. */
    public StringRedisTemplate template() {
        return template;
    }

    @Override
    public void destroy() {
        if (factory != null) {
            factory.destroy();
        }
    }

    private static boolean isStandalone(DataRedisConnectionDetails details) {
        return details.getSentinel() == null && details.getCluster() == null && details.getMasterReplica() == null
                && details.getStandalone() != null;
    }

    private static RedisStandaloneConfiguration standalone(DataRedisConnectionDetails details) {
        DataRedisConnectionDetails.Standalone server = details.getStandalone();
        RedisStandaloneConfiguration config = new RedisStandaloneConfiguration(server.getHost(), server.getPort());
        config.setDatabase(server.getDatabase());
        config.setUsername(details.getUsername());
        config.setPassword(RedisPassword.of(details.getPassword()));
        return config;
    }

    /** Mirrors what Spring Boot applies to its own client: timeouts, client name, TLS (URL scheme or bundle). */
    private static JedisClientConfiguration client(DataRedisConnectionDetails details, DataRedisProperties properties,
            int connections) {
        Duration timeout = properties.getTimeout() != null ? properties.getTimeout() : DEFAULT_TIMEOUT;
        JedisClientConfiguration.JedisClientConfigurationBuilder builder = JedisClientConfiguration.builder()
                .readTimeout(timeout)
                .connectTimeout(properties.getConnectTimeout() != null ? properties.getConnectTimeout() : timeout);
        if (properties.getClientName() != null && !properties.getClientName().isBlank()) {
            builder.clientName(properties.getClientName());
        }
        if (properties.getSsl().isEnabled() || usesTls(properties.getUrl())) {
            JedisClientConfiguration.JedisSslClientConfigurationBuilder ssl = builder.useSsl();
            SslBundle bundle = details.getSslBundle();
            if (bundle != null) {
                SSLParameters parameters = new SSLParameters();
                if (bundle.getOptions().getCiphers() != null) {
                    parameters.setCipherSuites(bundle.getOptions().getCiphers());
                }
                if (bundle.getOptions().getEnabledProtocols() != null) {
                    parameters.setProtocols(bundle.getOptions().getEnabledProtocols());
                }
                ssl.sslSocketFactory(bundle.createSslContext().getSocketFactory()).sslParameters(parameters);
            }
        }
        builder.usePooling().poolConfig(pool(connections, timeout));
        return builder.build();
    }

    /** Waits for a free connection no longer than a command may take, so an exhausted pool is a 503, not a hang. */
    private static JedisPoolConfig pool(int connections, Duration timeout) {
        JedisPoolConfig pool = new JedisPoolConfig();
        pool.setMaxTotal(connections);
        pool.setMaxIdle(connections);
        pool.setMinIdle(0);
        pool.setMaxWait(timeout);
        pool.setJmxEnabled(false);
        return pool;
    }

    private static boolean usesTls(@Nullable String url) {
        return url != null && url.trim().toLowerCase(Locale.ROOT).startsWith("rediss:");
    }
}
