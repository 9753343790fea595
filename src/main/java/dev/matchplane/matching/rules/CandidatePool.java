package dev.matchplane.matching.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The tickets still waiting that may play together (one pool per combination of equals values), in age order
 * and, under a distance rule, in value order. Removal is O(1) (linked lists over both orders), and a seed's
 * candidates are its nearest neighbours by value within the distance, so a window costs O(n log n + n * limit)
 * rather than a comparison of all pairs.
 */
final class CandidatePool {

    private final TicketProfile[] byAge;
    private final TicketProfile[] byValue;
    private final Links ageLinks;
    private final Links valueLinks;
    private final int distanceRule;

    CandidatePool(List<TicketProfile> oldestFirst, int distanceRule) {
        this.distanceRule = distanceRule;
        byAge = oldestFirst.toArray(TicketProfile[]::new);
        for (int i = 0; i < byAge.length; i++) {
            byAge[i].agePos = i;
        }
        byValue = byAge.clone();
        if (distanceRule >= 0) {
            Arrays.sort(byValue, Comparator.<TicketProfile>comparingDouble(p -> p.number[distanceRule])
                    .thenComparingInt(p -> p.rank));
        }
        for (int i = 0; i < byValue.length; i++) {
            byValue[i].valuePos = i;
        }
        ageLinks = new Links(byAge.length);
        valueLinks = new Links(byValue.length);
    }

    void remove(TicketProfile profile) {
        ageLinks.remove(profile.agePos);
        valueLinks.remove(profile.valuePos);
    }

    /**
     * Up to {@code limit} waiting tickets other than {@code seed}, oldest first: the nearest by value within
     * {@code maxDistance} under a distance rule, else the next ones in age order.
     */
    List<TicketProfile> candidatesFor(TicketProfile seed, double maxDistance, int limit) {
        List<TicketProfile> found = new ArrayList<>(Math.min(limit, 64));
        if (distanceRule < 0) {
            for (int i = ageLinks.next[seed.agePos]; i >= 0 && found.size() < limit; i = ageLinks.next[i]) {
                found.add(byAge[i]);
            }
            return found;
        }
        double value = seed.number[distanceRule];
        int left = valueLinks.prev[seed.valuePos];
        int right = valueLinks.next[seed.valuePos];
        int[] positions = new int[Math.min(limit, byAge.length)];
        int count = 0;
        while (count < positions.length) {
            double leftGap = left < 0 ? Double.POSITIVE_INFINITY : value - byValue[left].number[distanceRule];
            double rightGap = right < 0 ? Double.POSITIVE_INFINITY : byValue[right].number[distanceRule] - value;
            if (Math.min(leftGap, rightGap) > maxDistance) {
                break;
            }
            if (leftGap <= rightGap) {
                positions[count++] = byValue[left].agePos;
                left = valueLinks.prev[left];
            } else {
                positions[count++] = byValue[right].agePos;
                right = valueLinks.next[right];
            }
        }
        // age positions follow rank, so sorting the ints orders the candidates oldest first
        Arrays.sort(positions, 0, count);
        for (int i = 0; i < count; i++) {
            found.add(byAge[positions[i]]);
        }
        return found;
    }

    /** A doubly linked list over positions 0..n-1: unlinking keeps the walk over the rest O(1) per step. */
    private static final class Links {
        final int[] next;
        final int[] prev;

        Links(int size) {
            next = new int[size];
            prev = new int[size];
            for (int i = 0; i < size; i++) {
                next[i] = i + 1 < size ? i + 1 : -1;
                prev[i] = i - 1;
            }
        }

        void remove(int i) {
            if (prev[i] >= 0) {
                next[prev[i]] = next[i];
            }
            if (next[i] >= 0) {
                prev[next[i]] = prev[i];
            }
        }
    }
}
