package dev.matchplane.ticket;

import java.util.regex.Pattern;

/** Ids that cannot be ours are answered without asking Redis (and never become part of a key). */
final class TicketIdFormat {

    private static final Pattern TICKET_ID = Pattern.compile("ticket-[A-Za-z0-9_-]{1,64}");

    private TicketIdFormat() {
    }

    static boolean plausible(String ticketId) {
        return TICKET_ID.matcher(ticketId).matches();
    }
}
