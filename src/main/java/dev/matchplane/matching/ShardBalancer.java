package dev.matchplane.matching;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import dev.matchplane.redis.LuaScripts;
import dev.matchplane.redis.RedisKeys;
import dev.matchplane.system.ConditionalOnRole;
import dev.matchplane.system.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * This instance's fair share of the shards, run on the tick thread every maintenance step:
 * <ol>
 * <li>heartbeat: announce the instance in {@code P nodes} and count the live ones (heartbeat within the lock TTL);</li>
 * <li>target: ⌈shards / live⌉;</li>
 * <li>above it: give the extra shards up at once (their carried batches go back first), so a joining instance
 * finds them free;</li>
 * <li>below it: take free shards (lock absent: never taken, given up, or lapsed after its holder died), walking the
 * shards from an offset that depends on the node id, so that instances starting together rarely race for the same
 * ones.</li>
 * </ol>
 * Once every instance has seen the same live count none holds more than its target, ⌈shards / live⌉. Taking and
 * renewing go through the engine, which keeps the fences.
 */
@Component
@ConditionalOnRole({ Role.ALL, Role.QUEUE_WORKER })
class ShardBalancer {

    private static final Logger log = LoggerFactory.getLogger(ShardBalancer.class);
    /** A dead instance's heartbeat is dropped from the set this many lock TTLs after it stopped. */
    private static final int FORGET_AFTER_TTLS = 12;

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final QueueShards shards;
    private final MatchingMetrics metrics;
    private final Clock clock;
    private final String nodeId;
    private final String liveMillis;
    private final String forgetMillis;
    private final int offset;
    private final RedisScript<Long> heartbeat = LuaScripts.returningLong("shard-heartbeat");
    private final BitSet reported = new BitSet(); // tick thread only

    ShardBalancer(StringRedisTemplate redis, RedisKeys keys, QueueShards shards, MatchingMetrics metrics, Clock clock,
            MatchmakingProperties properties) {
        this.redis = redis;
        this.keys = keys;
        this.shards = shards;
        this.metrics = metrics;
        this.clock = clock;
        this.nodeId = properties.nodeId();
        this.liveMillis = Long.toString(properties.lockTtl().toMillis());
        this.forgetMillis = Long.toString(properties.lockTtl().toMillis() * FORGET_AFTER_TTLS);
        this.offset = Math.floorMod(nodeId.hashCode(), shards.count());
    }

    /** Heartbeat, then give up or take shards until this instance holds its fair share; returns the shards taken. */
    List<Integer> balance(MatchingEngine engine) {
        Instant now = clock.instant();
        Long live = redis.execute(heartbeat, List.of(keys.tickingNodes()), nodeId, Long.toString(now.toEpochMilli()),
                liveMillis, forgetMillis);
        int target = target(shards.count(), live == null ? 1 : (int) Math.max(1, live));
        List<Integer> held = inPreferenceOrder(engine::holds);
        for (int i = held.size() - 1; i >= target; i--) {
            engine.release(held.get(i)); // the least preferred first: another instance's offset may start there
        }
        List<Integer> taken = held.size() < target ? takeFree(engine, target - held.size(), now) : List.of();
        report(engine);
        return taken;
    }

    /** Renews every held shard's lock; a shard another instance took meanwhile is dropped. */
    void renewAll(MatchingEngine engine) {
        Instant now = clock.instant();
        for (int shard : engine.held()) {
            engine.renew(shard, now);
        }
        report(engine);
    }

    /** Leaves the set of ticking instances (clean stop): the others count one less at once. */
    void leave(MatchingEngine engine) {
        redis.opsForZSet().remove(keys.tickingNodes(), nodeId);
        report(engine);
    }

    static int target(int shardCount, int live) {
        return (shardCount + live - 1) / live;
    }

    private List<Integer> takeFree(MatchingEngine engine, int wanted, Instant now) {
        List<String> lockKeys = new ArrayList<>(shards.count());
        for (int shard = 0; shard < shards.count(); shard++) {
            lockKeys.add(keys.shardLock(shard));
        }
        List<String> locks = redis.opsForValue().multiGet(lockKeys);
        List<Integer> taken = new ArrayList<>();
        for (int shard : inPreferenceOrder(s -> locks != null && locks.get(s) == null)) {
            if (taken.size() == wanted) {
                break;
            }
            if (engine.take(shard, now)) {
                taken.add(shard);
            }
        }
        return taken;
    }

    private List<Integer> inPreferenceOrder(java.util.function.IntPredicate which) {
        List<Integer> ordered = new ArrayList<>();
        for (int i = 0; i < shards.count(); i++) {
            int shard = (offset + i) % shards.count();
            if (which.test(shard)) {
                ordered.add(shard);
            }
        }
        return ordered;
    }

    /** Publishes the held gauges and logs the shards taken and lost since the last report, in one line. */
    private void report(MatchingEngine engine) {
        List<Integer> taken = new ArrayList<>();
        List<Integer> lost = new ArrayList<>();
        for (int shard = 0; shard < shards.count(); shard++) {
            boolean holds = engine.holds(shard);
            if (holds != reported.get(shard)) {
                reported.set(shard, holds);
                metrics.held(shard, holds);
                (holds ? taken : lost).add(shard);
            }
        }
        if (!taken.isEmpty() || !lost.isEmpty()) {
            log.info("Instance '{}' holds {} shard(s): took {}, gave up or lost {}", nodeId, reported.cardinality(),
                    taken, lost);
        }
    }
}
