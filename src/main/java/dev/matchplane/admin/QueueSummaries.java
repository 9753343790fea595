package dev.matchplane.admin;

import java.util.SortedMap;

/** How many tickets wait in each queue, across every instance. */
interface QueueSummaries {

    /** Queue key → number of queued tickets, for every queue that has at least one, sorted by key. */
    SortedMap<String, Long> queuedCounts();
}
