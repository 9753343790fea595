package dev.matchplane.matching.rules;

import java.util.Map;

/**
 * Free lands of the live servers of the queue's land type: per region, plus those of servers without a region.
 * {@link #UNLIMITED} stands for servers registered without a capacity.
 */
public record ServerCapacity(Map<String, Integer> freeByRegion, int freeWithoutRegion) {

    public static final int UNLIMITED = Integer.MAX_VALUE;

    public ServerCapacity {
        freeByRegion = Map.copyOf(freeByRegion);
    }

    /** Any number of matches anywhere: for tests and benchmarks that do not exercise placement. */
    public static ServerCapacity unlimited() {
        return new ServerCapacity(Map.of(), UNLIMITED);
    }
}
