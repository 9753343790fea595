package dev.matchplane.redis;

import org.springframework.stereotype.Component;

/**
 * Every Redis key and channel Matchplane uses, one method per key shape, under one namespace.
 * Lua scripts that derive keys from stored data (cancel, expire, commit) rebuild the same shapes from
 * {@link #prefix()}; keep the two in step (docs/architecture.md lists them).
 */
@Component
public class RedisKeys {

    private final String prefix;

    public RedisKeys(RedisSettings settings) {
        this.prefix = settings.keyPrefix();
    }

    public String prefix() {
        return prefix;
    }

    public String ticket(String ticketId) {
        return prefix + "ticket:" + ticketId;
    }

    public String group(String groupId) {
        return prefix + "group:" + groupId;
    }

    public String player(String playerId) {
        return prefix + "player:" + playerId;
    }

    /** Waiting tickets of one queue: member {@code <ticketId>:<groupSize>}, score = enqueue time (epoch ms). */
    public String queue(String queueKey) {
        return prefix + "queue:" + queueKey;
    }

    /**
     * The set of queue keys with waiting tickets from before matching was sharded: nothing adds to it but a script
     * re-adding a queue for a ticket enqueued back then; the holder of shard 0 moves its queues to their shard's set.
     */
    public String legacyActiveQueues() {
        return prefix + "queues";
    }

    /**
     * Queue keys of one shard that have at least one waiting ticket; idle queues leave it so they cost nothing. A
     * ticket's hash names its shard's set (field {@code active}), so scripts that only know ticket ids find it.
     */
    public String activeQueues(int shard) {
        return prefix + "queues:" + shard;
    }

    /** Ticket id scored by the time it expires if still queued. */
    public String expiries() {
        return prefix + "expiries";
    }

    /** Claimed ticket id scored by the end of its claim lease. */
    public String claims() {
        return prefix + "claims";
    }

    /**
     * Set by the enqueue that woke the matching of one queue, deleted when a tick reads that queue's window; while it
     * exists further enqueues into the queue publish no wake-up (a burst costs one).
     */
    public String wakePending(String queueKey) {
        return prefix + "wake:" + queueKey;
    }

    /** Pub/sub channel carrying the queue keys whose matching an enqueue woke. */
    public String wakeChannel() {
        return prefix + "wake";
    }

    /** One shard's lock: the holder's fencing token, with the lease as its TTL. */
    public String shardLock(int shard) {
        return prefix + "lock:shard:" + shard;
    }

    /** The newest committed matches, newest first, as compact JSON; capped at {@code matchmaking.console.recent-matches}. */
    public String recentMatches() {
        return prefix + "recent-matches";
    }

    /** One shard's fencing counter: every acquisition of its lock gets the next, larger token. */
    public String shardFence(int shard) {
        return prefix + "lock:fence:" + shard;
    }

    /** Shard number to {@code <fence>:<since epoch ms>:<nodeId>} of its last acquisition (the lock tells if held). */
    public String shardHolders() {
        return prefix + "shards";
    }

    /** Node ids of the instances that tick, scored by their last heartbeat (epoch ms). */
    public String tickingNodes() {
        return prefix + "nodes";
    }

    public String server(String serverId) {
        return prefix + "server:" + serverId;
    }

    /** Every registered server id scored by its last heartbeat (epoch ms). */
    public String servers() {
        return prefix + "servers";
    }

    /** Server ids of one landType scored by their last heartbeat (epoch ms). */
    public String serversOfLandType(String landType) {
        return prefix + "servers:land:" + landType;
    }

    /** Lands running on one server, scored by the time they stop counting against its capacity. */
    public String lands(String serverId) {
        return prefix + "lands:" + serverId;
    }

    /** One committed land: server, queue, match, tickets, times and status ({@code active} or {@code released}). */
    public String land(String landId) {
        return prefix + "land:" + landId;
    }

    /** A land's backfill request: id, status, open slots per team, filled tickets, expiry. */
    public String backfill(String landId) {
        return prefix + "backfill:" + landId;
    }

    /** Land ids with an open backfill request, scored by the time the request expires unless renewed. */
    public String openBackfills() {
        return prefix + "backfills";
    }

    /** One queue's matches and time-to-match histogram of one epoch second (written by the commit). */
    public String queueStats(String queueKey, long epochSecond) {
        return prefix + "stats:" + queueKey + ":" + epochSecond;
    }

    /** Queue keys scored by the time of their last committed match (epoch ms): the queues the metrics report. */
    public String statsQueues() {
        return prefix + "stats:queues";
    }

    public String signingKeys() {
        return prefix + "signing:keys";
    }

    /** Public halves of configured signing keys, so the JWKS keeps a rotated-out key until its tokens expired. */
    public String configuredSigningKeys() {
        return prefix + "signing:configured";
    }

    /** Calls of one client in one scope (e.g. {@code enqueue}) in the current rate-limit window; expires with it. */
    public String rateLimit(String scope, String client) {
        return prefix + "rate:" + scope + ":" + client;
    }

    /** Rule sets by name, each as its JSON body. */
    public String ruleSets() {
        return prefix + "rulesets";
    }

    /** Rule set name to the version its last change got. */
    public String ruleSetVersions() {
        return prefix + "rulesets:versions";
    }

    /** The rule-set version counter: grows with every change, never reused. */
    public String ruleSetVersion() {
        return prefix + "rulesets:version";
    }

    /** Pub/sub channel announcing a rule-set change (the message is the set's name). */
    public String ruleSetChanges() {
        return prefix + "rulesets:changed";
    }

    /** Pub/sub channel carrying ready-to-send WebSocket envelopes of ticket events. */
    public String events() {
        return prefix + "events";
    }
}
