package dev.matchplane.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisLoadingException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.lettuce.LettuceExceptionConverter;

/**
 * Each failure is built the way it reaches the error handler: a Lettuce exception translated by Spring Data Redis's
 * own converter (as the template throws it), or Lettuce's exception as it is. An outage must answer 503, a bug 500.
 */
class StoreFailuresTests {

    private static DataAccessException translated(Exception lettuceFailure) {
        return new LettuceExceptionConverter().convert(lettuceFailure);
    }

    @Test
    void redisLoadingItsDatasetAfterARestartIsAnOutageTranslatedOrNot() {
        assertThat(StoreFailures.isUnavailable(
                translated(new RedisLoadingException("LOADING Redis is loading the dataset in memory")))).isTrue();
        assertThat(StoreFailures.isUnavailable(
                new RedisLoadingException("LOADING Redis is loading the dataset in memory"))).isTrue();
    }

    @Test
    void aBusyScriptAFailoverATimeoutAndALostConnectionAreOutages() {
        assertThat(StoreFailures.isUnavailable(translated(new RedisBusyException(
                "BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.")))).isTrue();
        assertThat(StoreFailures.isUnavailable(translated(
                new RedisCommandExecutionException("READONLY You can't write against a read only replica."))))
                .isTrue();
        assertThat(StoreFailures.isUnavailable(translated(new RedisConnectionException("Connection refused"))))
                .isTrue();
        assertThat(StoreFailures.isUnavailable(translated(new RedisCommandTimeoutException("Command timed out"))))
                .isTrue();
        assertThat(StoreFailures.isUnavailable(translated(new RedisException("Connection closed")))).isTrue();
        assertThat(StoreFailures.isUnavailable(new RedisCommandExecutionException(
                "MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'."))).isTrue();
        assertThat(StoreFailures.isUnavailable(translated(
                new RedisCommandExecutionException("CLUSTERDOWN The cluster is down")))).isTrue();
    }

    @Test
    void aScriptErrorOrAWrongTypeIsABugNotAnOutage() {
        assertThat(StoreFailures.isUnavailable(translated(new RedisCommandExecutionException(
                "WRONGTYPE Operation against a key holding the wrong kind of value")))).isFalse();
        assertThat(StoreFailures.isUnavailable(new RedisCommandExecutionException(
                "ERR user_script:3: attempt to compare nil with number"))).isFalse();
        assertThat(StoreFailures.isUnavailable(new IllegalStateException("LOADING"))).isFalse();
    }
}
