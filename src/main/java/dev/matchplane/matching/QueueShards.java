package dev.matchplane.matching;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which shard a queue belongs to: CRC-32 (IEEE, as {@link CRC32} and zlib compute it) of the queue key's UTF-8
 * bytes, modulo the shard count. Every instance computes the same shard with no coordination, so an enqueue, a tick
 * and an admin view agree as long as {@code matchmaking.shards} is the same everywhere.
 */
@Component
public final class QueueShards {

    /** Most shards a deployment may have: bounds the metric tags, the locks and the admin view. */
    public static final int MAX = 1024;

    private final int count;

    @Autowired
    public QueueShards(MatchmakingProperties properties) {
        this(properties.shards());
    }

    /** {@code count} in 1..{@link #MAX}: {@link MatchmakingProperties} checks it with Bean Validation at start. */
    public QueueShards(int count) {
        this.count = count;
    }

    public int count() {
        return count;
    }

    public int of(String queueKey) {
        CRC32 crc = new CRC32();
        crc.update(queueKey.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % count);
    }
}
