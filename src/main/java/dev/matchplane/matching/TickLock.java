package dev.matchplane.matching;

import java.util.OptionalLong;

/**
 * The locks that let exactly one instance tick a shard at a time; each acquisition of a shard's lock carries a
 * larger fencing token of that shard.
 */
interface TickLock {

    /**
     * Renews the shard's lock if {@code heldFence} still holds it, else tries to take it; empty when another
     * instance has it.
     */
    OptionalLong acquireOrRenew(int shard, long heldFence);

    /** Gives the shard up if still held, so another instance takes over at once rather than after the TTL. */
    void release(int shard, long heldFence);
}
