package dev.matchplane.ticket;

import java.util.Locale;

/** Lifecycle of a ticket. {@code CLAIMED} is internal: a tick holds it; clients still see {@code queued}. */
public enum TicketStatus {
    QUEUED, CLAIMED, ASSIGNED, CANCELLED, EXPIRED;

    public static TicketStatus fromStored(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** The status as the contract names it. */
    public String publicName() {
        return this == CLAIMED ? "queued" : name().toLowerCase(Locale.ROOT);
    }
}
