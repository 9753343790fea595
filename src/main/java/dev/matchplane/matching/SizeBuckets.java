package dev.matchplane.matching;

import java.util.Arrays;
import java.util.List;

/**
 * The tickets still in play during one pass, one queue per group size. Tickets are named by rank,
 * their position in the oldest-first window, so a smaller rank is an older ticket. A pass only ever
 * removes the oldest tickets of a size, so each queue is an array with a moving head.
 */
final class SizeBuckets {

    private final List<WaitingTicket> ticketsOldestFirst;
    private final int[][] ranksBySize;
    private final int[] head;

    SizeBuckets(List<WaitingTicket> ticketsOldestFirst, int maxSize) {
        this.ticketsOldestFirst = ticketsOldestFirst;
        int[] counts = new int[maxSize + 1];
        ticketsOldestFirst.forEach(ticket -> counts[ticket.groupSize()]++);
        this.ranksBySize = new int[maxSize + 1][];
        for (int size = 0; size <= maxSize; size++) {
            ranksBySize[size] = new int[counts[size]];
        }
        int[] filled = new int[maxSize + 1];
        for (int rank = 0; rank < ticketsOldestFirst.size(); rank++) {
            int size = ticketsOldestFirst.get(rank).groupSize();
            ranksBySize[size][filled[size]++] = rank;
        }
        this.head = new int[maxSize + 1];
    }

    int maxSize() {
        return head.length - 1;
    }

    int available(int size) {
        return ranksBySize[size].length - head[size];
    }

    /** Rank of the ticket {@code offset} places behind the oldest remaining one of this size. */
    int rank(int size, int offset) {
        return ranksBySize[size][head[size] + offset];
    }

    WaitingTicket ticket(int rank) {
        return ticketsOldestFirst.get(rank);
    }

    /** The size whose oldest remaining ticket is the oldest of all, or 0 when nothing remains. */
    int sizeOfOldest() {
        int best = 0;
        for (int size = 1; size <= maxSize(); size++) {
            if (available(size) > 0 && (best == 0 || rank(size, 0) < rank(best, 0))) {
                best = size;
            }
        }
        return best;
    }

    int removeOldest(int size) {
        return ranksBySize[size][head[size]++];
    }

    /** Removes the oldest {@code countBySize[s]} tickets of each size s and returns their ranks. */
    int[] removeOldest(int[] countBySize) {
        int[] removed = new int[Arrays.stream(countBySize).sum()];
        int next = 0;
        for (int size = 1; size < countBySize.length; size++) {
            for (int i = 0; i < countBySize[size]; i++) {
                removed[next++] = removeOldest(size);
            }
        }
        return removed;
    }

    int[] removeAll(int size) {
        int[] removed = Arrays.copyOfRange(ranksBySize[size], head[size], ranksBySize[size].length);
        head[size] = ranksBySize[size].length;
        return removed;
    }
}
