package dev.matchplane.matching;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import dev.matchplane.system.ConditionalOnRole;
import dev.matchplane.system.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private final RedisShardHeartbeats heartbeats;
    private final QueueShards shards;
    private final MatchingMetrics metrics;
    private final Clock clock;
    private final String nodeId;
    private final int offset;
    private final BitSet reported = new BitSet(); // tick thread only

    ShardBalancer(RedisShardHeartbeats heartbeats, QueueShards shards, MatchingMetrics metrics, Clock clock,
            MatchmakingProperties properties) {
        this.heartbeats = heartbeats;
        this.shards = shards;
        this.metrics = metrics;
        this.clock = clock;
        this.nodeId = properties.nodeId();
        this.offset = Math.floorMod(nodeId.hashCode(), shards.count());
    }

    /** Heartbeat, then give up or take shards until this instance holds its fair share; returns the shards taken. */
    List<Integer> balance(MatchingEngine engine) {
        Instant now = clock.instant();
        int target = target(shards.count(), heartbeats.beat(now));
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
        heartbeats.leave();
        report(engine);
    }

    static int target(int shardCount, int live) {
        return (shardCount + live - 1) / live;
    }

    private List<Integer> takeFree(MatchingEngine engine, int wanted, Instant now) {
        BitSet free = heartbeats.freeShards();
        List<Integer> taken = new ArrayList<>();
        for (int shard : inPreferenceOrder(free::get)) {
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
