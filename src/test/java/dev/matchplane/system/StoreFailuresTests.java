package dev.matchplane.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisLoadingException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.jedis.JedisExceptionConverter;
import redis.clients.jedis.exceptions.JedisBusyException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Each failure is built the way it reaches the error handler: a Jedis reply translated by Spring's own converter,
 * a Lettuce exception as Lettuce throws it. An outage must answer 503, a bug 500.
 */
class StoreFailuresTests {

    private static DataAccessException translated(RuntimeException jedisFailure) {
        return new JedisExceptionConverter().convert(jedisFailure);
    }

    @Test
    void redisLoadingItsDatasetAfterARestartIsAnOutageWithEitherClient() {
        assertThat(StoreFailures.isUnavailable(
                translated(new JedisDataException("LOADING Redis is loading the dataset in memory")))).isTrue();
        assertThat(StoreFailures.isUnavailable(
                new RedisLoadingException("LOADING Redis is loading the dataset in memory"))).isTrue();
    }

    @Test
    void aBusyScriptAFailoverAndALostConnectionAreOutages() {
        assertThat(StoreFailures.isUnavailable(translated(new JedisBusyException(
                "BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.")))).isTrue();
        assertThat(StoreFailures.isUnavailable(
                translated(new JedisDataException("READONLY You can't write against a read only replica.")))).isTrue();
        assertThat(StoreFailures.isUnavailable(translated(new JedisConnectionException("Unexpected end of stream."))))
                .isTrue();
        assertThat(StoreFailures.isUnavailable(new RedisCommandExecutionException(
                "MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'."))).isTrue();
    }

    @Test
    void aScriptErrorOrAWrongTypeIsABugNotAnOutage() {
        assertThat(StoreFailures.isUnavailable(translated(new JedisDataException(
                "WRONGTYPE Operation against a key holding the wrong kind of value")))).isFalse();
        assertThat(StoreFailures.isUnavailable(new RedisCommandExecutionException(
                "ERR user_script:3: attempt to compare nil with number"))).isFalse();
        assertThat(StoreFailures.isUnavailable(new IllegalStateException("LOADING"))).isFalse();
    }
}
