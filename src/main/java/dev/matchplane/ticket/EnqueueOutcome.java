package dev.matchplane.ticket;

/** What the store's single atomic enqueue decided. */
sealed interface EnqueueOutcome {

    record Created(String ticketId) implements EnqueueOutcome {
    }

    record Duplicate(String ticketId) implements EnqueueOutcome {
    }

    record PlayerAlreadyQueued(String playerId) implements EnqueueOutcome {
    }

    record PartyTooLarge() implements EnqueueOutcome {
    }
}
