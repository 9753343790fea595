package dev.matchplane.system;

/** What each error code means in the OpenAPI document: when it happens and a typical {@code detail}. */
final class ProblemDocs {

    private ProblemDocs() {
    }

    static String when(ErrorCode code) {
        return switch (code) {
            case VALIDATION_FAILED -> "a field breaks a rule or has the wrong type (each offending field is in `errors`)";
            case MALFORMED_JSON -> "the body is not JSON, has trailing garbage or duplicate keys, or nests too deep";
            case MALFORMED_REQUEST -> "the HTTP layer refused the request (bad URI encoding, header bytes, chunking)";
            case UNAUTHORIZED -> "missing or wrong `Authorization: Bearer <key>` while a key is configured";
            case ORIGIN_NOT_ALLOWED -> "a browser request from an origin not in MATCHMAKING_CORS_ALLOWED_ORIGINS";
            case TICKET_NOT_FOUND -> "unknown ticket, or one past its retention";
            case NOT_FOUND -> "no endpoint at this path";
            case METHOD_NOT_ALLOWED -> "wrong HTTP method";
            case NOT_ACCEPTABLE -> "the Accept header admits no JSON";
            case PLAYER_ALREADY_QUEUED -> "a member already waits in another group's ticket";
            case PAYLOAD_TOO_LARGE -> "the body is over `matchmaking.http.max-body-size` (16 KiB)";
            case UNSUPPORTED_MEDIA_TYPE -> "the Content-Type is not `application/json`";
            case PARTY_TOO_LARGE -> "the party can never fit the queue's match size";
            case RATE_LIMITED -> "over the optional per-client enqueue limit (with `Retry-After`)";
            case INTERNAL_ERROR -> "a bug; no stack trace is returned, the log has it";
            case STORE_UNAVAILABLE -> "Redis is unreachable or too slow (with `Retry-After: 1`)";
            case HTTP_VERSION_NOT_SUPPORTED -> "an HTTP version the server does not speak";
        };
    }

    static String exampleDetail(ErrorCode code) {
        return switch (code) {
            case VALIDATION_FAILED -> "Request validation failed for 1 field";
            case MALFORMED_JSON -> "The request body is not valid JSON";
            case UNAUTHORIZED -> "Authorization: Bearer <key> is required for provisioning calls";
            case TICKET_NOT_FOUND -> "No ticket 'ticket-7Hq2vYc1Xo9kRr3TfA0bLw' (unknown, or past its retention)";
            case PLAYER_ALREADY_QUEUED -> "Player 'alice' is already queued in another group";
            case PAYLOAD_TOO_LARGE -> "Request body is larger than 16384 bytes";
            case UNSUPPORTED_MEDIA_TYPE -> "Content-Type must be application/json";
            case PARTY_TOO_LARGE -> "A party of 3 can never fit queue 'ranked:2v2' (match size 2)";
            case RATE_LIMITED -> "Too many enqueue calls from this client, retry shortly";
            case STORE_UNAVAILABLE -> "The ticket store is unavailable, retry shortly";
            default -> code.title();
        };
    }
}
