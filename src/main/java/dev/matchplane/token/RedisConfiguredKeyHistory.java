package dev.matchplane.token;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.matchplane.redis.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Remembers the public half of every configured signing key while instances use it, plus a retention, in the hash
 * {@code signing:configured}. When operators rotate {@code TOKEN_PRIVATE_KEY_PEM}, the old key stays in the JWKS
 * until the tokens it signed have expired, instead of vanishing with the last old instance.
 */
@Component
class RedisConfiguredKeyHistory {

    private static final Logger log = LoggerFactory.getLogger(RedisConfiguredKeyHistory.class);
    /** Instances re-announce their key this often; the retention is counted from the last announcement. */
    static final Duration REFRESH = Duration.ofMinutes(5);

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration retention;

    record Entry(String alg, String publicKey, long until) {
    }

    RedisConfiguredKeyHistory(StringRedisTemplate redis, RedisKeys keys, ObjectMapper json, Clock clock,
            TokenProperties properties) {
        this.redis = redis;
        this.keys = keys;
        this.json = json;
        this.clock = clock;
        this.retention = properties.retiredKeyRetention();
    }

    /** Announces that this instance signs with {@code key}: it is published for at least the retention from now. */
    void inUse(SigningKey key) {
        long until = clock.instant().plus(retention).plus(REFRESH).toEpochMilli();
        Entry entry = new Entry(key.algorithm().name(),
                Base64.getEncoder().encodeToString(key.published().publicKey().getEncoded()), until);
        redis.opsForHash().put(keys.configuredSigningKeys(), key.kid(), json.writeValueAsString(entry));
    }

    /** Configured keys still within their retention; expired entries are removed on the way. */
    List<PublishedKey> stillPublished() {
        Map<Object, Object> stored = redis.opsForHash().entries(keys.configuredSigningKeys());
        long now = clock.millis();
        List<PublishedKey> published = new ArrayList<>();
        stored.forEach((kid, text) -> {
            Entry entry = json.readValue(text.toString(), Entry.class);
            if (entry.until() < now) {
                redis.opsForHash().delete(keys.configuredSigningKeys(), kid);
                return;
            }
            try {
                TokenAlgorithm algorithm = TokenAlgorithm.valueOf(entry.alg());
                PublicKey publicKey = KeyFactory.getInstance(algorithm.keyType())
                        .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(entry.publicKey())));
                published.add(new PublishedKey(algorithm, kid.toString(), publicKey));
            }
            catch (GeneralSecurityException | IllegalArgumentException ex) {
                log.warn("Not publishing the unreadable configured key '{}' of '{}'", kid, keys.configuredSigningKeys());
            }
        });
        return published;
    }
}
