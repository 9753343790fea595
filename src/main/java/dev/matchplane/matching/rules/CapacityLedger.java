package dev.matchplane.matching.rules;

import org.jspecify.annotations.Nullable;

/**
 * Free lands left while one window is matched: each formed match takes one, so a window never proposes more
 * matches for a region than its servers can hold.
 */
final class CapacityLedger {

    /** Where a land was counted: a region, or null for a server without one. */
    record Reservation(@Nullable String region) {
    }

    private final String[] regions;
    private final long[] free;
    private long freeWithoutRegion;

    CapacityLedger(ServerCapacity capacity, String[] regions) {
        this.regions = regions;
        this.free = new long[regions.length];
        for (int i = 0; i < regions.length; i++) {
            free[i] = capacity.freeByRegion().getOrDefault(regions[i], 0);
        }
        this.freeWithoutRegion = capacity.freeWithoutRegion();
    }

    /**
     * A land in {@code region} (an index, when a latency rule chose it), else in the preferred region, else in the
     * region with the most free lands (servers without region last on a tie); null when there is none.
     */
    @Nullable Reservation reserve(int region, @Nullable String preferred) {
        if (region >= 0) {
            return take(region) ? new Reservation(regions[region]) : null;
        }
        for (int i = 0; i < regions.length; i++) {
            if (regions[i].equals(preferred) && take(i)) {
                return new Reservation(regions[i]);
            }
        }
        int most = -1;
        for (int i = 0; i < regions.length; i++) {
            if (free[i] > 0 && (most < 0 || free[i] > free[most])) {
                most = i;
            }
        }
        if (most >= 0 && free[most] >= freeWithoutRegion) {
            take(most);
            return new Reservation(regions[most]);
        }
        if (freeWithoutRegion > 0) {
            if (freeWithoutRegion != ServerCapacity.UNLIMITED) {
                freeWithoutRegion--;
            }
            return new Reservation(null);
        }
        return null;
    }

    private boolean take(int region) {
        if (free[region] <= 0) {
            return false;
        }
        if (free[region] != ServerCapacity.UNLIMITED) {
            free[region]--;
        }
        return true;
    }

}
