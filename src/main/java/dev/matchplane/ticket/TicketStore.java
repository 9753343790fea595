package dev.matchplane.ticket;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** Where tickets live. Every method is one atomic step and one round trip. */
interface TicketStore {

    /**
     * Dedups by group, enforces one waiting ticket per player and, only if both pass, writes the ticket.
     * {@code partyTooLarge} is decided by the caller but applied here so the contract's error order holds.
     */
    default EnqueueOutcome enqueue(NewTicket ticket, boolean partyTooLarge) {
        return enqueue(ticket, partyTooLarge ? EnqueueOutcome.Refusal.PARTY_TOO_LARGE : EnqueueOutcome.Refusal.NONE);
    }

    /** {@code refusal} applies only after dedup and the player rule, so the order of checks holds. */
    EnqueueOutcome enqueue(NewTicket ticket, EnqueueOutcome.Refusal refusal);

    /**
     * @param requiredMember when not null, a ticket that does not list this player is left alone, like an unknown one
     * @return true when a waiting ticket was cancelled; false for unknown, assigned or ended tickets
     */
    boolean cancel(String ticketId, Instant now, @Nullable String requiredMember);

    Optional<Ticket> find(String ticketId);

    /**
     * What the status endpoint shows; one read of only those fields.
     *
     * @param requiredMember when not null, a ticket that does not list this player is reported as absent
     */
    Optional<TicketStatusView> findStatus(String ticketId, @Nullable String requiredMember);

    /** Any ticket's status, whoever it lists. */
    default Optional<TicketStatusView> findStatus(String ticketId) {
        return findStatus(ticketId, null);
    }
}
