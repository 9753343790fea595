package dev.matchplane.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import dev.matchplane.redis.RedisKeys;
import dev.matchplane.redis.StoreFailures;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.redis.core.HashOperations;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * {@link SigningKeys} from configuration, or else generated once per algorithm and shared through the Redis hash
 * {@code signing:keys} (field = algorithm, HSETNX so concurrent first starts agree on one key). Every stored key stays
 * published, so switching algorithms never invalidates tokens already handed out.
 */
@Component
class RedisSigningKeys implements SigningKeys, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RedisSigningKeys.class);

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final ObjectMapper json;
    private final Clock clock;
    private final TokenAlgorithm algorithm;
    private final @Nullable SigningKey configured;
    private final RedisConfiguredKeyHistory history;
    /** Decoded stored keys by their stored text: a JWKS request then costs one HGETALL and no key parsing. */
    private final Map<String, SigningKey> decoded = new ConcurrentHashMap<>();
    private volatile @Nullable SigningKey active;
    private volatile List<PublishedKey> lastPublished = List.of();

    RedisSigningKeys(StringRedisTemplate redis, RedisKeys keys, ObjectMapper json, Clock clock,
            TokenProperties properties, RedisConfiguredKeyHistory history) {
        this.history = history;
        this.redis = redis;
        this.keys = keys;
        this.json = json;
        this.clock = clock;
        this.algorithm = properties.algorithm();
        this.configured = configuredKey(properties);
    }

    /** Resolves the key at startup; a Redis outage then only delays it to the first use. */
    @Override
    public void afterSingletonsInstantiated() {
        try {
            active();
        }
        catch (RuntimeException ex) {
            if (!StoreFailures.isUnavailable(ex)) {
                throw ex;
            }
            log.warn("Redis is unavailable: the shared token signing key will be resolved on first use");
        }
    }

    @Override
    public SigningKey active() {
        SigningKey key = active;
        if (key == null) {
            synchronized (this) {
                key = active;
                if (key == null) {
                    key = configured != null ? configured : shared();
                    if (configured != null) {
                        history.inUse(configured);
                    }
                    active = key;
                }
            }
        }
        return key;
    }

    @Override
    public List<PublishedKey> published() {
        SigningKey current = active();
        Map<String, PublishedKey> byKid = new LinkedHashMap<>();
        byKid.put(current.kid(), current.published());
        Map<String, String> stored;
        try {
            stored = new TreeMap<>(hash().entries(keys.signingKeys()));
            history.stillPublished().forEach(key -> byKid.putIfAbsent(key.kid(), key));
        }
        catch (RuntimeException ex) {
            if (!StoreFailures.isUnavailable(ex) || lastPublished.isEmpty()) {
                throw ex;
            }
            return lastPublished;
        }
        stored.forEach((field, text) -> {
            try {
                SigningKey key = decode(text);
                byKid.putIfAbsent(key.kid(), key.published());
            }
            catch (RuntimeException ex) {
                log.warn("Not publishing the unreadable signing key in field '{}' of '{}'", field, keys.signingKeys());
            }
        });
        List<PublishedKey> published = List.copyOf(byKid.values());
        lastPublished = published;
        return published;
    }

    /** Keeps a configured key announced while this instance runs (see {@link RedisConfiguredKeyHistory}). */
    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
    void announceConfiguredKey() {
        if (configured != null && active != null) {
            try {
                history.inUse(configured);
            }
            catch (RuntimeException ex) {
                log.debug("Configured key not re-announced: {}", ex.toString());
            }
        }
    }

    /** The generated key of this algorithm: the stored one, or a new one if this instance is first to store it. */
    private SigningKey shared() {
        String field = algorithm.name();
        String stored = hash().get(keys.signingKeys(), field);
        if (stored == null) {
            hash().putIfAbsent(keys.signingKeys(), field, json.writeValueAsString(generate()));
            stored = hash().get(keys.signingKeys(), field);
            if (stored == null) {
                throw new IllegalStateException("the signing key vanished from Redis right after it was stored");
            }
        }
        SigningKey key = decode(stored);
        log.warn("No token.private-key-pem or token.private-key-file is set: signing match tokens with a generated "
                + "{} key (kid '{}') shared through Redis key '{}'. Configure a key in production.", algorithm,
                key.kid(), keys.signingKeys());
        return key;
    }

    private StoredKey generate() {
        var pair = algorithm.generate();
        SigningKey key = SigningKey.of(algorithm, pair.getPrivate(), pair.getPublic());
        return new StoredKey(algorithm.name(), key.kid(),
                Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()), clock.millis());
    }

    /** The kid is recomputed from the key rather than trusted from the stored text. */
    private SigningKey decode(String text) {
        return decoded.computeIfAbsent(text, ignored -> {
            StoredKey stored = json.readValue(text, StoredKey.class);
            return PemKeys.fromPkcs8(Base64.getDecoder().decode(stored.privateKey()),
                    TokenAlgorithm.valueOf(stored.alg()));
        });
    }

    private HashOperations<String, String, String> hash() {
        return redis.opsForHash();
    }

    private static @Nullable SigningKey configuredKey(TokenProperties properties) {
        String pem = properties.privateKeyPem();
        if (properties.privateKeyFile() != null) {
            try {
                pem = Files.readString(Path.of(properties.privateKeyFile()));
            }
            catch (IOException ex) {
                throw new UncheckedIOException("cannot read token.private-key-file '" + properties.privateKeyFile()
                        + "'", ex);
            }
        }
        if (pem == null) {
            return null;
        }
        SigningKey key = PemKeys.fromPem(pem, properties.algorithm());
        log.info("Signing match tokens with the configured {} key (kid '{}')", key.algorithm(), key.kid());
        return key;
    }
}
