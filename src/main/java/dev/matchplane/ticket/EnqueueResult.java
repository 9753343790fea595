package dev.matchplane.ticket;

import org.jspecify.annotations.Nullable;

/**
 * The accepted ticket: either a new one or the one already queued for the same group (dedup), with the wait a
 * ticket joining the queue can expect (null without recent history).
 */
public record EnqueueResult(String ticketId, boolean created, @Nullable Long estimatedWaitMs) {
}
