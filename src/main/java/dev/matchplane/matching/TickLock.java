package dev.matchplane.matching;

import java.util.OptionalLong;

/** The lock that lets exactly one instance tick at a time; each acquisition carries a larger fencing token. */
interface TickLock {

    /** Renews the lock if {@code heldFence} still holds it, else tries to take it; empty when another instance has it. */
    OptionalLong acquireOrRenew(long heldFence);

    /** Gives the lock up if still held (shutdown), so another instance takes over at once rather than after the TTL. */
    void release(long heldFence);
}
