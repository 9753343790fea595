package dev.matchplane.matching;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The earliest moment at which what a tick read can match differently without a new enqueue: a ticket left waiting
 * reaches its min wait, relax-after or (rule sets) an expansion step, or passes its max wait. The planner reports
 * here while it plans; the scheduler takes it after the tick and wakes the matching at that moment, so a ticket
 * whose min wait ends is matched then rather than at the next periodic tick.
 */
final class NextChange {

    private final AtomicLong earliest = new AtomicLong(Long.MAX_VALUE);

    /** Something can change at {@code atMillis} (epoch ms); the rule-set path reports its plan's next change here. */
    void report(long atMillis) {
        earliest.accumulateAndGet(atMillis, Math::min);
    }

    void report(OptionalLong atMillis) {
        atMillis.ifPresent(this::report);
    }

    /** The earliest moment reported since the last call (then forgotten). */
    OptionalLong take() {
        long at = earliest.getAndSet(Long.MAX_VALUE);
        return at == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(at);
    }

    /**
     * For a size-only queue: the earliest moment after {@code nowMillis} at which a ticket of the window that this
     * tick leaves waiting reaches its min wait or relax-after, or passes its max wait.
     */
    static OptionalLong of(List<WaitingTicket> window, List<ProposedMatch> matches, QueuePolicy policy,
            long nowMillis) {
        Set<String> matched = matchedIds(matches);
        long[] waits = { policy.minWait().toMillis(), policy.relaxAfter().toMillis(), policy.maxWait().toMillis() + 1 };
        Arrays.sort(waits); // an override may set relax-after below min wait
        long next = Long.MAX_VALUE;
        for (WaitingTicket ticket : window) {
            if (matched.contains(ticket.ticketId())) {
                continue;
            }
            for (long wait : waits) {
                long at = ticket.enqueuedAtMillis() + wait;
                if (at > nowMillis) {
                    next = Math.min(next, at);
                    break; // the waits grow, so the first one still ahead is this ticket's next change
                }
            }
        }
        return next == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(next);
    }

    private static Set<String> matchedIds(List<ProposedMatch> matches) {
        if (matches.isEmpty()) {
            return Set.of();
        }
        Set<String> ids = new HashSet<>();
        matches.forEach(match -> match.tickets().forEach(ticket -> ids.add(ticket.ticketId())));
        return ids;
    }
}
