package dev.matchplane.console;

import java.util.ArrayList;
import java.util.List;

import dev.matchplane.matching.RecentMatch;
import dev.matchplane.redis.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * The recent-matches list as the match commit writes it (newest first, capped there): one LRANGE per page view.
 * Read-only. An entry that no longer reads (written by another version during a rolling upgrade) is left out
 * rather than failing the page.
 */
@Repository
@ConditionalOnBooleanProperty(name = "matchmaking.console.enabled", matchIfMissing = true)
class RedisRecentMatches {

    private static final Logger log = LoggerFactory.getLogger(RedisRecentMatches.class);

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final ObjectMapper json;
    private final int kept;

    RedisRecentMatches(StringRedisTemplate redis, RedisKeys keys, ObjectMapper json, ConsoleProperties console) {
        this.redis = redis;
        this.keys = keys;
        this.json = json;
        this.kept = console.recentMatchesKept();
    }

    /** The newest matches first, at most {@code matchmaking.console.recent-matches}. */
    List<RecentMatch> newest() {
        if (kept == 0) {
            return List.of();
        }
        List<String> entries = redis.opsForList().range(keys.recentMatches(), 0, kept - 1L);
        List<RecentMatch> matches = new ArrayList<>(entries == null ? 0 : entries.size());
        for (String entry : entries == null ? List.<String>of() : entries) {
            try {
                matches.add(json.readValue(entry, RecentMatch.class));
            }
            catch (JacksonException unreadable) {
                log.debug("Left out a recent-matches entry that does not read: {}", unreadable.getMessage());
            }
        }
        return matches;
    }

    int kept() {
        return kept;
    }
}
