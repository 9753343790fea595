package dev.matchplane.matching;

import java.time.Instant;
import java.util.List;

/**
 * One window's matches on their way through the {@link TickPipeline}: claimed under the tick's fence, placed on
 * lands, and their slices queued for signing; or what a window that got no further came to (nothing claimed, no
 * land, the lock lost at the claim).
 *
 * @param slices the placed matches cut into slices, in order, each one's signing already queued
 * @param reachedCap the window was cut at {@code max-players-per-tick}
 * @param fenced the claim found the lock in other hands: nothing was claimed
 */
record Batch(TickContext tick, Instant expiry, Placements placed, List<SliceSigning.Slice> slices,
        WindowCounts counts, boolean reachedCap, boolean fenced) {

    static Batch fenced(TickContext tick, TickPlan plan) {
        return new Batch(tick, tick.now(), Placements.NONE, List.of(),
                new WindowCounts(plan.proposed(), 0, 0), false, true);
    }

    /** Claimed nothing, or found a land for none of what it claimed (those claims are already back). */
    static Batch unplaced(TickContext tick, TickPlan plan, WindowCounts counts) {
        return new Batch(tick, tick.now(), Placements.NONE, List.of(), counts, plan.reachedCap(), false);
    }

    static Batch signing(TickContext tick, TickPlan plan, WindowCounts counts, SliceSigning.Signing signing) {
        return new Batch(tick, signing.expiry(), signing.placed(), signing.slices(), counts, plan.reachedCap(),
                false);
    }

    /** Cut at the cap with matches to sign: the next window waits, and is worth preparing while this one signs. */
    boolean nextWindowWaits() {
        return reachedCap && !placed.isEmpty();
    }
}
