package dev.matchplane.system;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisLoadingException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;

/** Tells a Redis outage (retry later) apart from a bug (our fault). */
public final class StoreFailures {

    private StoreFailures() {
    }

    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RedisConnectionFailureException || t instanceof QueryTimeoutException
                    || t instanceof RedisConnectionException || t instanceof RedisCommandTimeoutException
                    || t instanceof RedisLoadingException || t instanceof StoreUnavailableException) {
                return true;
            }
            if (t instanceof io.lettuce.core.RedisException && isConnectionMessage(t.getMessage())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean isConnectionMessage(String message) {
        return message != null && (message.contains("Connection closed") || message.contains("Connection reset")
                || message.startsWith("LOADING") || message.contains("Connection refused"));
    }
}
