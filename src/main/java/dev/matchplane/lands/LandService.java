package dev.matchplane.lands;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.matchplane.matching.MatchmakingProperties;
import dev.matchplane.matching.QueueCatalog;
import dev.matchplane.matching.rules.RuleSet;
import dev.matchplane.rulesets.RuleSets;
import dev.matchplane.rulesets.StoredRuleSet;
import dev.matchplane.web.ErrorCode;
import dev.matchplane.web.ProblemException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Release and backfill as the game servers see them; each change is one script. */
@Service
class LandService {

    private static final Logger log = LoggerFactory.getLogger(LandService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ID_ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final RedisLands lands;
    private final QueueCatalog catalog;
    private final RuleSets ruleSets;
    private final SeatedPlayers seatedPlayers;
    private final Duration backfillTtl;
    private final Duration retention;
    private final Clock clock;
    private final ObjectMapper json;

    LandService(RedisLands lands, QueueCatalog catalog, RuleSets ruleSets, SeatedPlayers seatedPlayers,
            LandProperties properties, MatchmakingProperties matching, Clock clock, ObjectMapper json) {
        this.lands = lands;
        this.ruleSets = ruleSets;
        this.seatedPlayers = seatedPlayers;
        this.json = json;
        this.catalog = catalog;
        this.backfillTtl = properties.backfillTtl();
        this.retention = matching.endedRetention();
        this.clock = clock;
    }

    record Opened(String backfillId, Instant expiresAt) {
    }

    boolean release(String landId) {
        boolean released = lands.release(landId, clock.instant());
        if (released) {
            log.info("Land '{}' released by its game server", landId);
        }
        return released;
    }

    Opened requestBackfill(String landId, @Nullable JsonNode body) {
        BackfillBody.checkShape(body);
        String queueKey = lands.activeLandQueue(landId).orElseThrow(() -> notFound(landId));
        BackfillBody request = checked(queueKey, Objects.requireNonNull(body));
        Instant now = clock.instant();
        Instant expiresAt = now.plus(backfillTtl);
        List<String> reply = lands.request(landId, now, expiresAt, "bf-" + random128(),
                json.writeValueAsString(request.openSlots()), request.playersJson(),
                backfillTtl.plus(retention).toSeconds()).orElseThrow(() -> notFound(landId));
        return new Opened(reply.get(1), Instant.ofEpochMilli(Long.parseLong(reply.get(2))));
    }

    /**
     * A queue without a rule set has one unnamed team ({@code ""}) of the match size; under a rule set the teams
     * are the set's (clones {@code <name>-1..n}), each up to its maximum, and the current players are checked too.
     */
    private BackfillBody checked(String queueKey, JsonNode body) {
        Optional<StoredRuleSet> governing = ruleSets.governing(queueKey);
        if (governing.isEmpty()) {
            return BackfillBody.parse(body, Map.of("", catalog.policyFor(queueKey).matchSize()));
        }
        RuleSet set = governing.get().ruleSet();
        BackfillBody request = BackfillBody.parse(body, set.teamMaxima());
        seatedPlayers.check(set, request, body);
        return request;
    }

    RedisLands.StoredBackfill backfill(String landId) {
        RedisLands.LandAndBackfill read = lands.read(landId);
        if (read.landStatus().isEmpty() || !"active".equals(read.landStatus().get())) {
            throw notFound(landId);
        }
        RedisLands.StoredBackfill stored = read.backfill().orElseThrow(() -> new ProblemException(
                ErrorCode.LAND_NOT_FOUND, "Land '" + landId + "' has no backfill request"));
        if ("open".equals(stored.status()) && stored.expiresAtMillis() <= clock.millis()) {
            // not renewed in time; the next tick records it as expired
            return new RedisLands.StoredBackfill(stored.backfillId(), "expired", stored.openSlotsJson(),
                    stored.filledJson(), stored.expiresAtMillis());
        }
        return stored;
    }

    boolean cancelBackfill(String landId) {
        long result = lands.cancel(landId, clock.instant());
        if (result < 0) {
            throw notFound(landId);
        }
        return result == 1;
    }

    private static ProblemException notFound(String landId) {
        return new ProblemException(ErrorCode.LAND_NOT_FOUND, "No active land '" + landId
                + "' (never placed by this service, released, or expired)");
    }

    private static String random128() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return ID_ENCODER.encodeToString(bytes);
    }
}
