package dev.matchplane.matching;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Who holds which shard, and the instances that tick: read from the shard locks themselves and the holder records
 * their acquisitions wrote, the same answer on every instance whatever its role. The admin API and the console show
 * it; nothing here touches a lock.
 */
public interface ShardDirectory {

    /**
     * One shard: its holder's node id, since when it holds the shard and its fencing token; holder, since and fence
     * are null while no instance holds it. A held shard whose holder record is missing (taken by a version that did
     * not write one) has a fence and no holder.
     */
    record Holding(int shard, @Nullable String holder, @Nullable Instant since, @Nullable Long fence) {

        public boolean held() {
            return fence != null;
        }
    }

    /** A ticking instance: its last heartbeat, whether that is within the lock TTL, and the shards it holds. */
    record Instance(String nodeId, Instant lastSeenAt, boolean live, int shards) {
    }

    /** Every shard in order, and every instance that heartbeat lately. */
    record Snapshot(List<Holding> shards, List<Instance> instances) {

        public long held() {
            return shards.stream().filter(Holding::held).count();
        }
    }

    Snapshot read();
}
