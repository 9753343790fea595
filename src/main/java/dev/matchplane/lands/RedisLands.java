package dev.matchplane.lands;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.matchplane.matching.MatchmakingProperties;
import dev.matchplane.redis.RedisKeys;
import dev.matchplane.redis.RedisPipelines;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

/** Land records and backfill requests in Redis; every change is one Lua script (release-land, backfill-*). */
@Repository
@SuppressWarnings({ "rawtypes", "unchecked" })
class RedisLands {

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final LandScripts scripts;
    private final String retentionSeconds;

    RedisLands(StringRedisTemplate redis, RedisKeys keys, LandScripts scripts, MatchmakingProperties properties) {
        this.redis = redis;
        this.keys = keys;
        this.scripts = scripts;
        this.retentionSeconds = Long.toString(Math.max(1, properties.endedRetention().toSeconds()));
    }

    /** An open backfill request as the game server reads it back, raw from its hash. */
    record StoredBackfill(String backfillId, String status, String openSlotsJson, String filledJson,
            long expiresAtMillis) {
    }

    /** True when an active land was released (capacity slot, status and open backfill in one script). */
    boolean release(String landId, Instant now) {
        Long released = redis.execute(scripts.release, List.of(keys.land(landId), keys.backfill(landId),
                keys.openBackfills()), keys.prefix(), millis(now), retentionSeconds, landId);
        return released != null && released == 1L;
    }

    /** The queue key of an active land; empty for a land never placed, expired or released. */
    Optional<String> activeLandQueue(String landId) {
        List<Object> land = redis.opsForHash().multiGet(keys.land(landId), List.of("status", "queueKey"));
        return "active".equals(land.get(0)) ? Optional.of((String) land.get(1)) : Optional.empty();
    }

    /** {verdict, backfillId, expiresAt}; empty when the land is no longer active. */
    Optional<List<String>> request(String landId, Instant now, Instant expiresAt, String newBackfillId,
            String openSlotsJson, String playersJson, long recordTtlSeconds) {
        List reply = redis.execute(scripts.request, List.of(keys.land(landId), keys.backfill(landId),
                keys.openBackfills()), landId, millis(now), millis(expiresAt), newBackfillId, openSlotsJson,
                playersJson, Long.toString(recordTtlSeconds));
        return "no_land".equals(reply.get(0)) ? Optional.empty() : Optional.of((List<String>) reply);
    }

    /** -1: the land is not active; 1: an open request was cancelled; 0: none was open. */
    long cancel(String landId, Instant now) {
        Long result = redis.execute(scripts.cancel, List.of(keys.land(landId), keys.backfill(landId),
                keys.openBackfills()), landId, millis(now), retentionSeconds);
        return result == null ? 0 : result;
    }

    /** The land's status (empty when unknown) and its backfill request (empty when it never had one). */
    record LandAndBackfill(Optional<String> landStatus, Optional<StoredBackfill> backfill) {
    }

    LandAndBackfill read(String landId) {
        List<Object> replies = RedisPipelines.run(redis, pipeline -> {
            pipeline.opsForHash().get(keys.land(landId), "status");
            pipeline.opsForHash().entries(keys.backfill(landId));
        });
        Map<String, String> backfill = (Map<String, String>) replies.get(1);
        Optional<StoredBackfill> stored = backfill.isEmpty() ? Optional.empty() : Optional.of(new StoredBackfill(
                backfill.get("backfillId"), backfill.get("status"), backfill.get("openSlots"),
                backfill.getOrDefault("filled", "[]"), Long.parseLong(backfill.get("expiresAt"))));
        return new LandAndBackfill(Optional.ofNullable((String) replies.get(0)), stored);
    }

    private static String millis(Instant instant) {
        return Long.toString(instant.toEpochMilli());
    }
}
