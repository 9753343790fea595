package dev.matchplane.system;

import java.util.Locale;

/** The stable {@code code} of every problem+json answer (CONTRACT.md §1) with its HTTP status and title. */
public enum ErrorCode {
    VALIDATION_FAILED(400, "Request validation failed"),
    MALFORMED_JSON(400, "Malformed JSON"),
    /** The HTTP layer refused the request itself: bad URI encoding, invalid header bytes, broken chunking. */
    MALFORMED_REQUEST(400, "Malformed request"),
    UNAUTHORIZED(401, "Unauthorized"),
    /** A browser request from an origin not in {@code matchmaking.http.cors-allowed-origins}. */
    ORIGIN_NOT_ALLOWED(403, "Origin not allowed"),
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
    STORE_UNAVAILABLE(503, "Store unavailable"),
    HTTP_VERSION_NOT_SUPPORTED(505, "HTTP version not supported");

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

    /** The code for an error status set outside our handlers (the servlet container, {@code sendError}). */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> ORIGIN_NOT_ALLOWED;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            case 503 -> STORE_UNAVAILABLE;
            case 505 -> HTTP_VERSION_NOT_SUPPORTED;
            default -> status >= 400 && status < 500 ? MALFORMED_REQUEST : INTERNAL_ERROR;
        };
    }

    /** {@code urn:matchplane:problem:<code in kebab case>}. */
    public String type() {
        return "urn:matchplane:problem:" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
