package dev.matchplane.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.matchplane.redis.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for the tick in tests: ends a waiting ticket the way the commit and expire scripts do (state first,
 * then the ready-to-send envelope on the events channel). Replace with a real tick where a test needs one.
 */
public final class FakeAssignments {

    /**
     * KEYS[1] ticket hash; ARGV[1] prefix, ARGV[2] ticketId, ARGV[3] new status, ARGV[4] assignment ('' none),
     * ARGV[5] now ms, ARGV[6] TTL s, ARGV[7] envelope. Returns 1, or 0 when the ticket is not waiting.
     */
    private static final RedisScript<Long> END = RedisScript.of("""
            local t = redis.call('HMGET', KEYS[1], 'status', 'queueKey', 'groupId', 'members', 'groupSize')
            if t[1] ~= 'queued' and t[1] ~= 'claimed' then return 0 end
            local prefix, ticketId = ARGV[1], ARGV[2]
            local queue = prefix .. 'queue:' .. t[2]
            redis.call('ZREM', queue, ticketId .. ':' .. t[5])
            if redis.call('ZCARD', queue) == 0 then redis.call('SREM', prefix .. 'queues', t[2]) end
            if redis.call('GET', prefix .. 'group:' .. t[3]) == ticketId then redis.call('DEL', prefix .. 'group:' .. t[3]) end
            for _, p in ipairs(cjson.decode(t[4])) do
              if redis.call('GET', prefix .. 'player:' .. p) == ticketId then redis.call('DEL', prefix .. 'player:' .. p) end
            end
            redis.call('ZREM', prefix .. 'expiries', ticketId)
            redis.call('ZREM', prefix .. 'claims', ticketId)
            redis.call('HSET', KEYS[1], 'status', ARGV[3], 'updatedAt', ARGV[5])
            if ARGV[4] ~= '' then redis.call('HSET', KEYS[1], 'assignment', ARGV[4]) end
            redis.call('HDEL', KEYS[1], 'claim')
            redis.call('EXPIRE', KEYS[1], ARGV[6])
            redis.call('PUBLISH', prefix .. 'events', ARGV[7])
            return 1
            """, Long.class);

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final StringRedisTemplate redis;
    private final RedisKeys keys;

    public FakeAssignments(StringRedisTemplate redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** Assigns a waiting ticket a made-up assignment and publishes {@code match.assigned}; returns the assignment. */
    public String assign(String ticketId) {
        return assign(ticketId, assignmentFor(ticketId, ""));
    }

    /** Assigns with the given assignment JSON text (e.g. a very large one); returns it. */
    public String assign(String ticketId, String assignmentJson) {
        String envelope = "{\"type\":\"match.assigned\",\"v\":1,\"data\":{\"ticketId\":\"" + ticketId
                + "\",\"assignment\":" + assignmentJson + "}}";
        end(ticketId, "assigned", assignmentJson, 3600, envelope);
        return assignmentJson;
    }

    /** Expires a waiting ticket and publishes {@code ticket.expired}. */
    public void expire(String ticketId) {
        end(ticketId, "expired", "", 600,
                "{\"type\":\"ticket.expired\",\"v\":1,\"data\":{\"ticketId\":\"" + ticketId + "\"}}");
    }

    /** An assignment shaped like the real one; {@code padding} goes into an extra field to make it large. */
    public String assignmentFor(String ticketId, String padding) {
        String queueKey = String.valueOf(redis.opsForHash().get(keys.ticket(ticketId), "queueKey"));
        String landType = queueKey.split(":", 2)[0];
        String landId = landType + ":" + UUID.randomUUID();
        Map<String, Object> assignment = new LinkedHashMap<>();
        assignment.put("assignmentId", "asg-" + UUID.randomUUID());
        assignment.put("matchToken", "fake.match.token");
        assignment.put("connectUrl", "ws://127.0.0.1:7777/game/" + landType + "?landId=" + landId);
        assignment.put("landId", landId);
        assignment.put("serverId", "fake-server");
        assignment.put("expiresAt", Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS).toString());
        assignment.put("matchId", "match-" + UUID.randomUUID());
        assignment.put("memberTokens", Map.of());
        if (!padding.isEmpty()) {
            assignment.put("padding", padding);
        }
        return JSON.writeValueAsString(assignment);
    }

    private void end(String ticketId, String status, String assignment, long ttlSeconds, String envelope) {
        Long ended = redis.execute(END, List.of(keys.ticket(ticketId)), keys.prefix(), ticketId, status, assignment,
                Long.toString(System.currentTimeMillis()), Long.toString(ttlSeconds), envelope);
        if (ended == null || ended != 1L) {
            throw new IllegalStateException("Ticket '" + ticketId + "' is not waiting");
        }
    }
}
