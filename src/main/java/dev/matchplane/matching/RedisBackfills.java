package dev.matchplane.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.matchplane.console.ConsoleProperties;
import dev.matchplane.provisioning.Allocation;
import dev.matchplane.redis.LuaScripts;
import dev.matchplane.redis.RedisKeys;
import dev.matchplane.rulesets.PlayerDataJson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The tick's side of backfill in Redis: read the open requests with their lands and their queues' windows, with
 * player data under a rule set (backfill-windows.lua),
 * and fill them under the fencing token (backfill-fill.lua). Counts expired requests and filled tickets.
 */
@Component
@SuppressWarnings({ "rawtypes", "unchecked" })
class RedisBackfills implements Backfills {

    private static final TypeReference<Map<String, Integer>> SLOTS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final int FIELDS_PER_REQUEST = 11;
    /** Most open requests one tick reads; the rest wait for the next tick. */
    private static final int MAX_REQUESTS = 1_000;

    private final RedisScript<List> readScript = LuaScripts.returningList("backfill-windows");
    private final RedisScript<List> fillScript = LuaScripts.returningList("backfill-fill");
    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final ObjectMapper json;
    private final PlayerDataJson playerJson;
    private final String retentionSeconds;
    private final String assignmentTtlSeconds;
    private final Counter expired;
    private final Counter filled;
    private final int recentMatchesKept;

    RedisBackfills(StringRedisTemplate redis, RedisKeys keys, ObjectMapper json, PlayerDataJson playerJson,
            MatchmakingProperties properties, MeterRegistry meters, ConsoleProperties console) {
        this.redis = redis;
        this.playerJson = playerJson;
        this.keys = keys;
        this.json = json;
        this.retentionSeconds = Long.toString(Math.max(1, properties.endedRetention().toSeconds()));
        this.assignmentTtlSeconds = Long.toString(Math.max(1, properties.assignmentTtl().toSeconds()));
        this.recentMatchesKept = console.recentMatchesKept();
        this.expired = Counter.builder("matchplane.backfill.requests").tag("outcome", "expired")
                .description("Backfill requests not renewed within matchmaking.backfill-ttl").register(meters);
        this.filled = Counter.builder("matchplane.backfill.tickets")
                .description("Tickets assigned to an existing land by backfill").register(meters);
    }

    @Override
    public Read read(int shard, Instant now, int windowSize, boolean expire, Collection<String> ruledPatterns) {
        List<String> args = new ArrayList<>(List.of(keys.prefix(), Long.toString(now.toEpochMilli()),
                Integer.toString(windowSize), retentionSeconds, Integer.toString(MAX_REQUESTS), expire ? "1" : "0"));
        args.addAll(ruledPatterns);
        List reply = redis.execute(readScript, List.of(keys.openBackfills(), keys.activeQueues(shard)),
                args.toArray());
        expired.increment((Long) reply.get(0));
        List<Object> fields = (List<Object>) reply.get(1);
        List<OpenRequest> requests = new ArrayList<>(fields.size() / FIELDS_PER_REQUEST);
        for (int f = 0; f + FIELDS_PER_REQUEST <= fields.size(); f += FIELDS_PER_REQUEST) {
            String landId = (String) fields.get(f);
            String serverRegion = (String) fields.get(f + 9);
            Map<String, Object> assignment = ((String) fields.get(f + 10)).isEmpty() ? Map.of()
                    : json.readValue((String) fields.get(f + 10), OBJECT);
            requests.add(new OpenRequest(landId, (String) fields.get(f + 1), (String) fields.get(f + 2),
                    json.readValue((String) fields.get(f + 3), SLOTS), Long.parseLong((String) fields.get(f + 4)),
                    playerJson.readSeated((String) fields.get(f + 5)), new Allocation((String) fields.get(f + 6),
                            landId, (String) fields.get(f + 7), serverRegion.isEmpty() ? null : serverRegion),
                    (String) fields.get(f + 8), assignment.get("region") instanceof String region ? region
                            : serverRegion.isEmpty() ? null : serverRegion,
                    assignment.get("matchAttributes") instanceof Map<?, ?> values ? (Map<String, Object>) values
                            : Map.of()));
        }
        return new Read(requests, windows((List<Object>) reply.get(2)));
    }

    /** queueKey, window, details per queue; details are empty for a queue no rule set governs. */
    private Map<String, QueueWindow> windows(List<Object> flat) {
        Map<String, QueueWindow> windows = new LinkedHashMap<>();
        for (int i = 0; i + 2 < flat.size(); i += 3) {
            List<WaitingTicket> tickets = RedisMatchStore.toWaitingTickets((List<Object>) flat.get(i + 1));
            List<Object> details = (List<Object>) flat.get(i + 2);
            windows.put((String) flat.get(i), details.isEmpty() ? QueueWindow.sizeOnly(tickets)
                    : new QueueWindow(tickets, RedisMatchStore.ruledTickets(tickets, details, json, playerJson), null));
        }
        return windows;
    }

    /**
     * Fills in one script; result[i] tells whether the i-th ticket (requests in order, tickets in order) landed.
     *
     * @throws FencedException when {@code fence} no longer holds the shard's lock (nothing changed)
     */
    @Override
    public List<Boolean> fill(int shard, long fence, Instant now, Instant expiry, List<Fill> fills) {
        List<String> args = new ArrayList<>(List.of(Long.toString(fence), Long.toString(now.toEpochMilli()),
                keys.prefix(), assignmentTtlSeconds, Long.toString(expiry.toEpochMilli()), retentionSeconds,
                RedisMatchStore.STATS_TTL_SECONDS));
        for (Fill fill : fills) {
            args.addAll(List.of(fill.request().landId(), fill.request().backfillId(),
                    Integer.toString(fill.tickets().size())));
            for (Filled ticket : fill.tickets()) {
                ClaimedTicket claimed = ticket.claim().oldest();
                args.addAll(List.of(ticket.claim().claimId(), claimed.ticketId(), ticket.team(),
                        Integer.toString(claimed.groupSize()), ticket.assignmentJson()));
            }
            args.add(recentMatchesKept > 0 ? json.writeValueAsString(RecentMatch.backfilled(fill, now)) : "");
        }
        args.add(Integer.toString(recentMatchesKept));
        List reply = redis.execute(fillScript, List.of(keys.shardLock(shard), keys.claims(), keys.expiries(),
                keys.openBackfills(), keys.recentMatches()), args.toArray());
        if (!reply.isEmpty() && "fenced".equals(reply.get(0))) {
            throw new FencedException();
        }
        List<Boolean> landed = ((List<Object>) reply).stream().map(r -> Long.valueOf(1L).equals(r)).toList();
        filled.increment(landed.stream().filter(Boolean::booleanValue).count());
        return landed;
    }
}
