package dev.matchplane.system;

import java.util.List;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisLoadingException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Tells a Redis outage (retry later) apart from a bug (our fault). Both clients count: Lettuce (the shared
 * connection, the tick) and Jedis (request connections). Spring translates a Jedis error reply such as
 * {@code LOADING} into a generic {@code InvalidDataAccessApiUsageException}, so the reply's code is what tells.
 */
public final class StoreFailures {

    /** Error replies a Redis sends while it cannot serve for a moment: loading its AOF, a long script, a failover. */
    private static final List<String> TRANSIENT_REPLIES = List.of("LOADING", "BUSY", "MASTERDOWN", "READONLY",
            "TRYAGAIN");

    private StoreFailures() {
    }

    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RedisConnectionFailureException || t instanceof QueryTimeoutException
                    || t instanceof RedisConnectionException || t instanceof RedisCommandTimeoutException
                    || t instanceof RedisLoadingException || t instanceof StoreUnavailableException
                    || t instanceof JedisConnectionException) {
                return true;
            }
            if ((t instanceof io.lettuce.core.RedisException || t instanceof JedisException)
                    && isTransientMessage(t.getMessage())) {
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
