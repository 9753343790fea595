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

    /** The rule-set check found a missing required attribute, and nothing refused the ticket earlier. */
    record AttributeRequired() implements EnqueueOutcome {
    }

    /** What the caller already knows refuses the ticket, applied after dedup and the player rule. */
    enum Refusal {
        NONE, PARTY_TOO_LARGE, ATTRIBUTE_REQUIRED
    }
}
