package dev.matchplane.ticket;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable, never-reused ids: a prefix and 128 random bits, URL-safe. */
final class TicketIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private TicketIds() {
    }

    static String newTicketId() {
        return "ticket-" + random128();
    }

    static String newGroupId() {
        return "group-" + random128();
    }

    private static String random128() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }
}
