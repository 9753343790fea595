package dev.matchplane.matching;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The matching rules (docs/rest-api.md, How tickets are matched) as a pure function of a queue window, the queue's rules and the
 * current time. Stateless, so one instance may serve every queue and thread.
 *
 * <p>Behaviour:
 * <ul>
 * <li>Only tickets that have waited {@code minWait} and whose party fits a match take part.</li>
 * <li>Full matches first: the oldest remaining ticket anchors a match, completed by the
 * lexicographically oldest set of younger tickets summing to exactly {@code matchSize}
 * ({@link OldestFill}); an exact subset sum, so {@code [1,2,2]} fills 4. An old party is therefore
 * matched as soon as any completion exists and is never passed over for younger tickets.</li>
 * <li>An anchor without a completion is left waiting, and so is every ticket of its size: were any
 * of them completable, the older anchor would have been completable too by swapping it in. That
 * bounds the failed anchors of a pass by {@code matchSize}.</li>
 * <li>Relaxed matches last: each remaining ticket that has waited {@code relaxAfter}, oldest first,
 * anchors a smaller match filled as close to {@code matchSize} as the remaining tickets allow,
 * possibly alone.</li>
 * </ul>
 * Matches come out in the order they were formed, each listing its tickets oldest first.
 */
public final class Matcher {

    private static final Comparator<WaitingTicket> OLDEST_FIRST = Comparator
            .comparingLong(WaitingTicket::enqueuedAtMillis)
            .thenComparing(WaitingTicket::ticketId);

    public List<ProposedMatch> propose(List<WaitingTicket> windowOldestFirst, QueueRules rules, Instant now) {
        Objects.requireNonNull(windowOldestFirst, "windowOldestFirst");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(now, "now");
        long nowMillis = now.toEpochMilli();
        List<ProposedMatch> matches = new ArrayList<>();
        List<WaitingTicket> leftovers = formFullMatches(eligible(windowOldestFirst, rules, nowMillis),
                rules.matchSize(), matches);
        formRelaxedMatches(leftovers, rules, nowMillis, matches);
        return List.copyOf(matches);
    }

    private static List<WaitingTicket> eligible(List<WaitingTicket> window, QueueRules rules, long nowMillis) {
        // Sorting again costs little on an already ordered window and makes "oldest" independent of
        // how the caller read it.
        return window.stream()
                .filter(ticket -> ticket.groupSize() <= rules.matchSize())
                .filter(ticket -> hasWaited(ticket, rules.minWait(), nowMillis))
                .sorted(OLDEST_FIRST)
                .toList();
    }

    private static List<WaitingTicket> formFullMatches(List<WaitingTicket> eligible, int matchSize,
            List<ProposedMatch> matches) {
        SizeBuckets buckets = new SizeBuckets(eligible, matchSize);
        int[] waiting = new int[0];
        for (int size = buckets.sizeOfOldest(); size != 0; size = buckets.sizeOfOldest()) {
            int anchor = buckets.removeOldest(size);
            Optional<int[]> fill = OldestFill.exactly(buckets, matchSize - size);
            if (fill.isPresent()) {
                matches.add(toMatch(buckets, anchor, buckets.removeOldest(fill.get())));
            } else {
                waiting = concat(waiting, anchor, buckets.removeAll(size));
            }
        }
        Arrays.sort(waiting);
        return Arrays.stream(waiting).mapToObj(buckets::ticket).toList();
    }

    private static void formRelaxedMatches(List<WaitingTicket> leftovers, QueueRules rules, long nowMillis,
            List<ProposedMatch> matches) {
        SizeBuckets buckets = new SizeBuckets(leftovers, rules.matchSize());
        for (int size = buckets.sizeOfOldest(); size != 0; size = buckets.sizeOfOldest()) {
            int anchor = buckets.removeOldest(size);
            if (!hasWaited(buckets.ticket(anchor), rules.relaxAfter(), nowMillis)) {
                return; // every remaining ticket is younger still
            }
            int[] fill = OldestFill.largest(buckets, rules.matchSize() - size);
            matches.add(toMatch(buckets, anchor, buckets.removeOldest(fill)));
        }
    }

    private static boolean hasWaited(WaitingTicket ticket, Duration wait, long nowMillis) {
        return nowMillis - ticket.enqueuedAtMillis() >= wait.toMillis();
    }

    private static ProposedMatch toMatch(SizeBuckets buckets, int anchor, int[] completion) {
        int[] ranks = concat(new int[0], anchor, completion);
        Arrays.sort(ranks);
        return new ProposedMatch(Arrays.stream(ranks).mapToObj(buckets::ticket).toList());
    }

    private static int[] concat(int[] head, int rank, int[] tail) {
        int[] all = Arrays.copyOf(head, head.length + 1 + tail.length);
        all[head.length] = rank;
        System.arraycopy(tail, 0, all, head.length + 1, tail.length);
        return all;
    }
}
