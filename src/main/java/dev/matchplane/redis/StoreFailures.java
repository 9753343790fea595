package dev.matchplane.redis;

import java.util.List;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisLoadingException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;

/**
 * Tells a Redis outage (retry later) apart from a bug (our fault). Spring Data Redis translates Lettuce's failures:
 * a lost or refused connection becomes {@code RedisConnectionFailureException}, a command timeout
 * {@code QueryTimeoutException}, and an error reply such as {@code LOADING} or {@code BUSY} a generic
 * {@code RedisSystemException} whose cause is Lettuce's exception, so the reply's code is what tells. The cluster
 * and Sentinel replies of a failover in progress ({@code MASTERDOWN}, {@code TRYAGAIN}, {@code CLUSTERDOWN}) count too.
 */
public final class StoreFailures {

    /** Error replies a Redis sends while it cannot serve for a moment: loading its AOF, a long script, a failover. */
    private static final List<String> TRANSIENT_REPLIES = List.of("LOADING", "BUSY", "MASTERDOWN", "READONLY",
            "TRYAGAIN", "CLUSTERDOWN");

    private StoreFailures() {
    }

    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RedisConnectionFailureException || t instanceof QueryTimeoutException
                    || t instanceof RedisConnectionException || t instanceof RedisCommandTimeoutException
                    || t instanceof RedisLoadingException || t instanceof StoreUnavailableException) {
                return true;
            }
            if (t instanceof io.lettuce.core.RedisException && isTransientMessage(t.getMessage())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean isTransientMessage(String message) {
        if (message == null) {
            return false;
        }
        return message.contains("Connection closed") || message.contains("Connection reset")
                || message.contains("Connection refused")
                || TRANSIENT_REPLIES.stream().anyMatch(code -> message.startsWith(code + " ")
                        || message.equals(code));
    }
}
