package dev.matchplane.ticket;

/** The accepted ticket: either a new one or the one already queued for the same group (dedup). */
public record EnqueueResult(String ticketId, boolean created) {
}
