package dev.matchplane.admin;

import java.util.SortedMap;

/** How many tickets wait in each queue, across every instance (the admin API, metrics and the console). */
public interface QueueSummaries {

    /** Queue key → number of queued tickets, for every queue that has at least one, sorted by key. */
    SortedMap<String, Long> queuedCounts();

    /** Queue key → its waiting tickets, for every queue that has at least one, sorted by key. */
    SortedMap<String, Waiting> waiting();

    /** The tickets waiting in one queue: how many, and when the one waiting longest was enqueued (epoch ms). */
    record Waiting(long count, long oldestEnqueuedAtMillis) {
    }
}
