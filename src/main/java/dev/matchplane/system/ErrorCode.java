package dev.matchplane.system;

import java.util.Locale;

/** The stable {@code code} of every problem+json answer (CONTRACT.md §1) with its HTTP status and title. */
public enum ErrorCode {
    VALIDATION_FAILED(400, "Request validation failed"),
    MALFORMED_JSON(400, "Malformed JSON"),
    UNAUTHORIZED(401, "Unauthorized"),
    TICKET_NOT_FOUND(404, "Ticket not found"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    PLAYER_ALREADY_QUEUED(409, "Player already queued"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    PARTY_TOO_LARGE(422, "Party too large"),
    RATE_LIMITED(429, "Too many requests"),
    INTERNAL_ERROR(500, "Internal error"),
    STORE_UNAVAILABLE(503, "Store unavailable");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** {@code urn:matchplane:problem:<code in kebab case>}. */
    public String type() {
        return "urn:matchplane:problem:" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
