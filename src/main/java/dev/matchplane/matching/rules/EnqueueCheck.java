package dev.matchplane.matching.rules;

import java.util.List;

/** The outcome of checking a ticket's player data against the rule set of its queue at enqueue. */
public sealed interface EnqueueCheck {

    /** The ticket may wait under this rule set. */
    record Accepted() implements EnqueueCheck {
    }

    /** 400 VALIDATION_FAILED: e.g. {@code players.alice.attributes.skill} holds a value of the wrong type. */
    record Invalid(List<FieldError> errors) implements EnqueueCheck {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }

    /** 422 ATTRIBUTE_REQUIRED: a declared attribute without a default is missing for this player. */
    record AttributeRequired(String playerId, String attribute) implements EnqueueCheck {
    }

    /** 422 PARTY_TOO_LARGE: the party exceeds every team's maximum, so it can never be placed. */
    record PartyTooLarge(int groupSize, int largestTeam) implements EnqueueCheck {
    }

    /** A field path in the enqueue body's dotted form and why it was refused. */
    record FieldError(String field, String message) {
    }
}
