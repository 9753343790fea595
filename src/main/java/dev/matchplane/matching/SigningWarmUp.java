package dev.matchplane.matching;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

import dev.matchplane.system.ConditionalOnRole;
import dev.matchplane.system.Role;
import dev.matchplane.token.MatchTokens;
import dev.matchplane.token.TokenClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Signs throw-away tokens on the signing threads while the application starts, so that its first matches after a
 * deploy are not signed by a cold JIT (the first hundreds of signatures run several times slower than the
 * thousandth). It runs once every bean exists and before any lifecycle starts: before the web server accepts
 * requests (so it competes with no traffic; done beside live load it starved the Redis client's threads on a
 * loaded 2-core machine) and before {@link MatchingScheduler} starts, so an instance takes no lock while cold. The
 * tokens are never stored nor sent.
 */
@Component
@ConditionalOnRole({ Role.ALL, Role.QUEUE_WORKER })
class SigningWarmUp implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SigningWarmUp.class);
    private static final int ROUNDS = 3;
    private static final int TOKENS_PER_ROUND = 100;
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(20);

    private final MatchTokens tokens;

    SigningWarmUp(MatchTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void afterSingletonsInstantiated() {
        run();
    }

    /** Signs {@code ROUNDS} batches; a failure or a timeout only logs (the instance then matches cold). */
    void run() {
        long started = System.nanoTime();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                tokens.signAllAsync(throwAway(), ForkJoinPool.commonPool())
                        .get(GIVE_UP_AFTER.toMillis(), TimeUnit.MILLISECONDS);
            }
            log.info("Signing path warm after {} throw-away tokens in {} ms", ROUNDS * TOKENS_PER_ROUND,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (Exception failed) {
            log.warn("Signing warm-up failed ({}); matching starts cold", failed.toString());
        }
    }

    private static List<TokenClaims> throwAway() {
        Instant now = Instant.now();
        List<TokenClaims> claims = new ArrayList<>(TOKENS_PER_ROUND);
        for (int i = 0; i < TOKENS_PER_ROUND; i++) {
            String id = "warm-up-" + UUID.randomUUID();
            claims.add(new TokenClaims(id, id, "warm-up", "warm-up:" + id, "warm-up", id, id, now,
                    now.plusSeconds(60)));
        }
        return claims;
    }
}
