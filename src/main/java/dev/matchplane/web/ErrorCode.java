package dev.matchplane.web;

import java.util.Locale;

/** The stable {@code code} of every problem+json answer with its HTTP status, title and when it happens. */
public enum ErrorCode {
    VALIDATION_FAILED(400, "Request validation failed",
            "a field breaks a rule or has the wrong type (each offending field is in `errors`)"),
    MALFORMED_JSON(400, "Malformed JSON",
            "the body is not JSON, has trailing garbage or duplicate keys, or nests too deep"),
    MALFORMED_REQUEST(400, "Malformed request",
            "the HTTP layer refused the request (bad URI encoding, header bytes, chunking)"),
    UNAUTHORIZED(401, "Unauthorized",
            "missing or wrong `Authorization: Bearer <key>` while a key is configured, or a missing or invalid "
                    + "player token while player authentication is on"),
    ORIGIN_NOT_ALLOWED(403, "Origin not allowed",
            "a browser request from an origin not in `matchmaking.http.cors-allowed-origins`"),
    NOT_A_MEMBER(403, "Not a member",
            "with player authentication on, the token's player is not one of `members`"),
    TICKET_NOT_FOUND(404, "Ticket not found",
            "unknown ticket, or one past its retention"),
    LAND_NOT_FOUND(404, "Land not found",
            "a land this service never placed, or one released or expired; or a land without a backfill request"),
    RULESET_NOT_FOUND(404, "Rule set not found",
            "no rule set of that name"),
    NOT_FOUND(404, "Not found",
            "no endpoint at this path"),
    METHOD_NOT_ALLOWED(405, "Method not allowed",
            "wrong HTTP method"),
    NOT_ACCEPTABLE(406, "Not acceptable",
            "the Accept header admits no JSON"),
    PLAYER_ALREADY_QUEUED(409, "Player already queued",
            "a member already waits in another group's ticket"),
    PAYLOAD_TOO_LARGE(413, "Payload too large",
            "the body is over `matchmaking.http.max-body-size`"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type",
            "the Content-Type is not `application/json`"),
    PARTY_TOO_LARGE(422, "Party too large",
            "the party can never fit the queue's match size"),
    ATTRIBUTE_REQUIRED(422, "Attribute required",
            "a member lacks an attribute the queue's rule set declares without a default"),
    INVALID_RULESET(422, "Invalid rule set",
            "the rule set breaks a rule (each offending field is in `errors`, as a JSON pointer)"),
    RATE_LIMITED(429, "Too many requests",
            "over the optional per-client enqueue limit (with `Retry-After`)"),
    INTERNAL_ERROR(500, "Internal error",
            "a bug; no stack trace is returned, the log has it"),
    STORE_UNAVAILABLE(503, "Store unavailable",
            "Redis is unreachable or too slow (with `Retry-After`)"),
    HTTP_VERSION_NOT_SUPPORTED(505, "HTTP version not supported",
            "an HTTP version the server does not speak");

    private final int status;
    private final String title;
    private final String when;

    ErrorCode(int status, String title, String when) {
        this.status = status;
        this.title = title;
        this.when = when;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** When it happens, for the OpenAPI document. */
    public String when() {
        return when;
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
