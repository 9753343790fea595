package dev.matchplane.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.matchplane.matching.QueueShards;
import dev.matchplane.redis.RedisKeys;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * {@link TicketStore} on Redis: one Lua script per change, one HMGET per read, over the instance's shared Lettuce
 * connection (docs/architecture.md, "One Redis client").
 */
@Repository
@SuppressWarnings("rawtypes")
class RedisTicketStore implements TicketStore {

    private static final List<Object> FIELDS = List.of("status", "queueKey", "groupId", "members", "groupSize",
            "region", "createdAt", "updatedAt", "assignment");
    /** {@code members} is parsed only when player authentication checks the caller is one of them. */
    private static final List<Object> STATUS_FIELDS = List.of("status", "queueKey", "groupId", "createdAt",
            "assignment", "members");
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
    };

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final ObjectMapper json;
    private final RedisScript<List> enqueueScript;
    private final RedisScript<Long> finishScript;
    private final long endedRetentionSeconds;
    private final String wakePendingMillis;
    private final QueueShards shards;

    RedisTicketStore(StringRedisTemplate redis, RedisKeys keys, ObjectMapper json, TicketScripts scripts,
            dev.matchplane.matching.MatchmakingProperties properties, QueueShards shards) {
        this.redis = redis;
        this.shards = shards;
        this.keys = keys;
        this.json = json;
        this.enqueueScript = scripts.enqueue();
        this.finishScript = scripts.finish();
        this.endedRetentionSeconds = Math.max(1, properties.endedRetention().toSeconds());
        // a wake-up nobody consumed (no leader at that moment) blocks the next ones at most this long; the periodic
        // tick reads the queue within an interval anyway, which also clears it
        this.wakePendingMillis = Long.toString(Math.max(1, properties.interval().toMillis()));
    }

    @Override
    public EnqueueOutcome enqueue(NewTicket ticket, EnqueueOutcome.Refusal refusal) {
        List<String> scriptKeys = new ArrayList<>(6 + ticket.members().size());
        scriptKeys.addAll(List.of(keys.ticket(ticket.ticketId()), keys.group(ticket.groupId()),
                keys.queue(ticket.queueKey()), keys.activeQueues(shards.of(ticket.queueKey())), keys.expiries(),
                keys.wakePending(ticket.queueKey())));
        ticket.members().forEach(player -> scriptKeys.add(keys.player(player)));
        List<String> args = new ArrayList<>(14 + ticket.members().size());
        args.addAll(List.of(ticket.ticketId(), ticket.queueKey(), ticket.groupId(),
                json.writeValueAsString(ticket.members()), Integer.toString(ticket.groupSize()),
                orEmpty(ticket.region()), orEmpty(ticket.constraintsJson()),
                Long.toString(ticket.createdAt().toEpochMilli()), Long.toString(ticket.expiresAt().toEpochMilli()),
                Integer.toString(refusal.ordinal()), keys.ticket(""), keys.wakeChannel(), wakePendingMillis));
        args.addAll(ticket.members());
        args.add(orEmpty(ticket.playersJson()));
        List reply = redis.execute(enqueueScript, scriptKeys, args.toArray());
        String verdict = (String) reply.get(0);
        return switch (verdict) {
            case "created" -> new EnqueueOutcome.Created((String) reply.get(1));
            case "duplicate" -> new EnqueueOutcome.Duplicate((String) reply.get(1));
            case "player" -> new EnqueueOutcome.PlayerAlreadyQueued((String) reply.get(1));
            case "too_large" -> new EnqueueOutcome.PartyTooLarge();
            case "attribute_required" -> new EnqueueOutcome.AttributeRequired();
            default -> throw new IllegalStateException("Unexpected enqueue verdict " + verdict);
        };
    }

    @Override
    public boolean cancel(String ticketId, Instant now, @Nullable String requiredMember) {
        // the ticket's hash names its shard's active-queues set; the pre-shard set serves tickets enqueued before
        Long cancelled = redis.execute(finishScript, List.of(keys.legacyActiveQueues(), keys.expiries(),
                keys.claims()),
                keys.prefix(), Long.toString(now.toEpochMilli()), Long.toString(endedRetentionSeconds), "cancelled",
                orEmpty(requiredMember), ticketId);
        return cancelled != null && cancelled == 1L;
    }

    @Override
    public Optional<Ticket> find(String ticketId) {
        List<Object> values = redis.opsForHash().multiGet(keys.ticket(ticketId), FIELDS);
        if (values.get(0) == null) {
            return Optional.empty();
        }
        return Optional.of(new Ticket(ticketId, TicketStatus.fromStored(text(values, 0)), text(values, 1),
                text(values, 2), json.readValue(text(values, 3), STRING_LIST), Integer.parseInt(text(values, 4)),
                blankToNull(values.get(5)), Instant.ofEpochMilli(Long.parseLong(text(values, 6))),
                Instant.ofEpochMilli(Long.parseLong(text(values, 7))), blankToNull(values.get(8))));
    }

    @Override
    public Optional<TicketStatusView> findStatus(String ticketId, @Nullable String requiredMember) {
        List<Object> values = redis.opsForHash().multiGet(keys.ticket(ticketId), STATUS_FIELDS);
        if (values.get(0) == null || requiredMember != null
                && !json.readValue(text(values, 5), STRING_LIST).contains(requiredMember)) {
            return Optional.empty();
        }
        return Optional.of(new TicketStatusView(ticketId, TicketStatus.fromStored(text(values, 0)), text(values, 1),
                text(values, 2), Instant.ofEpochMilli(Long.parseLong(text(values, 3))), blankToNull(values.get(4))));
    }

    private static String text(List<Object> values, int index) {
        return String.valueOf(values.get(index));
    }

    private static @Nullable String blankToNull(@Nullable Object value) {
        return value == null || value.toString().isEmpty() ? null : value.toString();
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
