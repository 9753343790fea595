package dev.matchplane.matching;

import java.util.Optional;

/**
 * Chooses which remaining tickets fill a number of seats, preferring old tickets: the result is the
 * lexicographically oldest choice, i.e. it holds the oldest ticket that is part of any exact fill,
 * then the next oldest that still fits some exact fill, and so on. Fills are returned as a count per
 * group size; the tickets are the oldest ones of each size, since same-size tickets are
 * interchangeable for the sum.
 *
 * <p>Why scanning stays cheap: when the oldest unvisited ticket of size s cannot be part of a fill,
 * no younger ticket of size s can either (swap it for the skipped one and the skipped one would have
 * fitted). So each step either takes a ticket or rules out a whole size, and a fill costs at most
 * {@code seats + maxSize} subset-sum checks, each a few shifts of a {@code seats}-bit set, whatever the
 * window length.
 */
final class OldestFill {

    private OldestFill() {
    }

    /** The oldest fill of exactly {@code seats}, or empty when no remaining tickets sum to it. */
    static Optional<int[]> exactly(SizeBuckets buckets, int seats) {
        int[] unvisited = availableBySize(buckets);
        if (!reaches(reachableSums(unvisited, seats), seats)) {
            return Optional.empty();
        }
        int[] taken = new int[unvisited.length];
        for (int remaining = seats; remaining > 0;) {
            int size = sizeOfOldestCandidate(buckets, unvisited, taken, remaining);
            unvisited[size]--;
            if (size == remaining || reaches(reachableSums(unvisited, remaining - size), remaining - size)) {
                taken[size]++;
                remaining -= size;
            } else {
                unvisited[size] = 0;
            }
        }
        return Optional.of(taken);
    }

    /** The oldest fill of the largest reachable number of seats up to {@code maxSeats}. */
    static int[] largest(SizeBuckets buckets, int maxSeats) {
        long[] reachable = reachableSums(availableBySize(buckets), maxSeats);
        int seats = maxSeats;
        while (!reaches(reachable, seats)) {
            seats--;
        }
        return exactly(buckets, seats).orElseThrow();
    }

    private static int[] availableBySize(SizeBuckets buckets) {
        int[] available = new int[buckets.maxSize() + 1];
        for (int size = 1; size <= buckets.maxSize(); size++) {
            available[size] = buckets.available(size);
        }
        return available;
    }

    private static int sizeOfOldestCandidate(SizeBuckets buckets, int[] unvisited, int[] taken, int remaining) {
        int best = 0;
        for (int size = 1; size <= Math.min(remaining, buckets.maxSize()); size++) {
            if (unvisited[size] > 0
                    && (best == 0 || buckets.rank(size, taken[size]) < buckets.rank(best, taken[best]))) {
                best = size;
            }
        }
        if (best == 0) {
            throw new IllegalStateException("a reachable fill ran out of candidates");
        }
        return best;
    }

    /**
     * Bounded subset sum as a bitset: bit s is set when some choice of the counted tickets sums to s,
     * for every s up to {@code limit}. Splitting each count into chunks 1, 2, 4, ... keeps it to
     * O(log count) shifts per size instead of one per ticket.
     */
    private static long[] reachableSums(int[] countBySize, int limit) {
        long[] bits = new long[(limit >>> 6) + 1];
        bits[0] = 1L;
        for (int size = 1; size < countBySize.length && size <= limit; size++) {
            int copies = Math.min(countBySize[size], limit / size);
            for (int chunk = 1; copies > 0; chunk <<= 1) {
                int taken = Math.min(chunk, copies);
                orShiftedLeft(bits, taken * size);
                copies -= taken;
            }
        }
        return bits;
    }

    private static boolean reaches(long[] sums, int sum) {
        return (sums[sum >>> 6] >>> (sum & 63) & 1L) != 0;
    }

    private static void orShiftedLeft(long[] bits, int shift) {
        int wordShift = shift >>> 6;
        int bitShift = shift & 63;
        // High to low, so every word read has not been updated yet.
        for (int i = bits.length - 1; i >= wordShift; i--) {
            long moved = bits[i - wordShift] << bitShift;
            if (bitShift != 0 && i - wordShift > 0) {
                moved |= bits[i - wordShift - 1] >>> (64 - bitShift);
            }
            bits[i] |= moved;
        }
    }
}
