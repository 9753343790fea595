package dev.matchplane.redis;

import dev.matchplane.web.ProblemException;
import dev.matchplane.web.ErrorCode;

/** Redis did not answer within the command timeout; mapped to 503 STORE_UNAVAILABLE with Retry-After. */
public class StoreUnavailableException extends ProblemException {

    public StoreUnavailableException(Throwable cause) {
        super(ErrorCode.STORE_UNAVAILABLE, "The ticket store is unavailable, retry shortly", java.util.List.of(), cause);
    }
}
