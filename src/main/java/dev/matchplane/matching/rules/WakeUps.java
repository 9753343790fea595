package dev.matchplane.matching.rules;

import java.util.List;
import java.util.OptionalLong;

/**
 * When a window left waiting can match differently without a new enqueue: a ticket reaches min wait, relax-after
 * or an expansion step, or passes max wait (after which it is never matched, and the sweep expires it).
 */
final class WakeUps {

    private WakeUps() {
    }

    static OptionalLong next(List<TicketProfile> profiles, boolean[] matched, CompiledRules rules, long nowMillis,
            QueueTiming timing, int largestTeam) {
        long next = Long.MAX_VALUE;
        for (TicketProfile profile : profiles) {
            if (matched[profile.rank] || !profile.usable || profile.ticket.groupSize() > largestTeam) {
                continue;
            }
            long enqueued = profile.ticket.enqueuedAtMillis();
            long waited = nowMillis - enqueued;
            if (waited > timing.maxWaitMs()) {
                continue;
            }
            next = Math.min(next, enqueued + timing.maxWaitMs() + 1);
            if (waited < timing.minWaitMs()) {
                next = Math.min(next, enqueued + timing.minWaitMs());
            }
            if (waited < timing.relaxAfterMs()) {
                next = Math.min(next, enqueued + timing.relaxAfterMs());
            }
            long step = rules.nextStepAfter(waited);
            if (step >= 0) {
                next = Math.min(next, enqueued + step);
            }
        }
        return next == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(next);
    }
}
