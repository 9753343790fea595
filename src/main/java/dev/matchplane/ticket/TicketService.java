package dev.matchplane.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.matchplane.matching.QueueCatalog;
import dev.matchplane.matching.QueuePolicy;
import dev.matchplane.stats.WaitEstimates;
import dev.matchplane.player.Caller;
import dev.matchplane.matching.rules.EnqueueCheck;
import dev.matchplane.matching.rules.PlayerDataCheck;
import dev.matchplane.rulesets.PlayerDataJson;
import dev.matchplane.rulesets.RuleSets;
import dev.matchplane.rulesets.StoredRuleSet;
import dev.matchplane.web.ErrorCode;
import dev.matchplane.web.FieldViolation;
import dev.matchplane.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The client-facing ticket operations; each is one atomic store call. */
@Service
public class TicketService {

    private static final Logger log = LoggerFactory.getLogger(TicketService.class);

    private final TicketStore store;
    private final QueueCatalog queues;
    private final Clock clock;
    private final TicketMetrics metrics;
    private final WaitEstimates estimates;
    private final RuleSets ruleSets;
    private final PlayerDataJson playerJson;

    TicketService(TicketStore store, QueueCatalog queues, Clock clock, TicketMetrics metrics,
            WaitEstimates estimates, RuleSets ruleSets, PlayerDataJson playerJson) {
        this.store = store;
        this.queues = queues;
        this.clock = clock;
        this.metrics = metrics;
        this.estimates = estimates;
        this.ruleSets = ruleSets;
        this.playerJson = playerJson;
    }

    /** For callers the service trusts to name any player (tests, tools); clients go through the {@link Caller} form. */
    public EnqueueResult enqueue(EnqueueCommand command) {
        return enqueue(command, Caller.TRUSTED);
    }

    /** @throws ProblemException NOT_A_MEMBER when the caller is a verified player who is not one of the members */
    public EnqueueResult enqueue(EnqueueCommand command, Caller caller) {
        if (!caller.mayActFor(command.members())) {
            metrics.refused(command.queueKey(), "not_a_member");
            throw new ProblemException(ErrorCode.NOT_A_MEMBER,
                    "The player token's player is not one of the members; a party member enqueues the party");
        }
        QueuePolicy policy = queues.policyFor(command.queueKey());
        Instant now = clock.instant();
        String groupId = command.groupId() != null ? command.groupId() : TicketIds.newGroupId();
        Optional<StoredRuleSet> ruleSet = ruleSets.governing(command.queueKey());
        EnqueueCheck check = check(command, policy, ruleSet);
        NewTicket ticket = new NewTicket(TicketIds.newTicketId(), command.queueKey(), groupId, command.members(),
                command.groupSize(), command.region(), command.constraintsJson(), now, now.plus(policy.maxWait()),
                playerJson.write(command.players()));
        // read before the enqueue (cached per queue for a second): a failed read then leaves nothing written
        Long estimate = estimates.forNewTicket(command.queueKey());
        EnqueueOutcome outcome = store.enqueue(ticket, refusal(check));
        if (outcome instanceof EnqueueOutcome.Created created) {
            // DEBUG: one line per enqueue request was the largest cost of an enqueue after the Redis call (a
            // console write each); the 201 reply, the ticket hash and matchplane.tickets.enqueued carry the same.
            log.debug("Ticket '{}' queued in '{}' for group '{}' ({} players)", created.ticketId(),
                    command.queueKey(), groupId, command.groupSize());
            metrics.enqueued(command.queueKey(), true);
            return new EnqueueResult(created.ticketId(), true, estimate);
        }
        if (outcome instanceof EnqueueOutcome.Duplicate duplicate) {
            metrics.enqueued(command.queueKey(), false);
            return new EnqueueResult(duplicate.ticketId(), false, estimate);
        }
        if (outcome instanceof EnqueueOutcome.PlayerAlreadyQueued conflict) {
            metrics.refused(command.queueKey(), "player_already_queued");
            throw new ProblemException(ErrorCode.PLAYER_ALREADY_QUEUED,
                    "Player '" + conflict.playerId() + "' is already in a queued ticket of another group");
        }
        throw refused(command, check, ruleSet.isPresent());
    }

    /**
     * The verdict before the store call: a type error under the rule set is thrown here (400 comes first); a 422
     * verdict is handed to the store, which applies it only after dedup and the player rule.
     */
    private static EnqueueCheck check(EnqueueCommand command, QueuePolicy policy, Optional<StoredRuleSet> ruleSet) {
        EnqueueCheck check = ruleSet.isPresent()
                ? PlayerDataCheck.check(ruleSet.get().ruleSet(), command.members(), command.players())
                : command.groupSize() > policy.matchSize()
                        ? new EnqueueCheck.PartyTooLarge(command.groupSize(), policy.matchSize())
                        : new EnqueueCheck.Accepted();
        if (check instanceof EnqueueCheck.Invalid invalid) {
            throw ProblemException.invalid(invalid.errors().stream()
                    .map(e -> new FieldViolation(e.field(), e.message())).toList());
        }
        return check;
    }

    private ProblemException refused(EnqueueCommand command, EnqueueCheck check, boolean underRuleSet) {
        if (check instanceof EnqueueCheck.AttributeRequired missing) {
            metrics.refused(command.queueKey(), "attribute_required");
            return new ProblemException(ErrorCode.ATTRIBUTE_REQUIRED, "Player '" + missing.playerId()
                    + "' lacks attribute '" + missing.attribute() + "', which the rule set of queue '"
                    + command.queueKey() + "' requires", List.of(new FieldViolation("players." + missing.playerId()
                            + ".attributes." + missing.attribute(), "is required")));
        }
        int largest = check instanceof EnqueueCheck.PartyTooLarge tooLarge ? tooLarge.largestTeam() : 0;
        metrics.refused(command.queueKey(), "party_too_large");
        return new ProblemException(ErrorCode.PARTY_TOO_LARGE, "A party of " + command.groupSize()
                + " can never fit queue '" + command.queueKey() + "', whose " + (underRuleSet
                        ? "largest team holds " : "matches hold ") + largest + " players");
    }

    private static EnqueueOutcome.Refusal refusal(EnqueueCheck check) {
        return check instanceof EnqueueCheck.PartyTooLarge ? EnqueueOutcome.Refusal.PARTY_TOO_LARGE
                : check instanceof EnqueueCheck.AttributeRequired ? EnqueueOutcome.Refusal.ATTRIBUTE_REQUIRED
                : EnqueueOutcome.Refusal.NONE;
    }

    public boolean cancel(String ticketId) {
        return cancel(ticketId, Caller.TRUSTED);
    }

    /** A verified player cancels only a ticket that lists them; any other answers like an unknown ticket. */
    public boolean cancel(String ticketId, Caller caller) {
        boolean cancelled = TicketIdFormat.plausible(ticketId)
                && store.cancel(ticketId, clock.instant(), caller.playerId());
        if (cancelled) {
            metrics.cancelled();
            log.info("Ticket '{}' cancelled", ticketId);
        }
        return cancelled;
    }

    public Optional<Ticket> find(String ticketId) {
        return TicketIdFormat.plausible(ticketId) ? store.find(ticketId) : Optional.empty();
    }

    /** A ticket as seen by a caller: a verified player sees only tickets that list them. */
    public Optional<Ticket> find(String ticketId, Caller caller) {
        return find(ticketId).filter(ticket -> caller.mayActFor(ticket.members()));
    }

    Optional<TicketStatusView> findStatus(String ticketId, Caller caller) {
        return TicketIdFormat.plausible(ticketId) ? store.findStatus(ticketId, caller.playerId()) : Optional.empty();
    }
}
