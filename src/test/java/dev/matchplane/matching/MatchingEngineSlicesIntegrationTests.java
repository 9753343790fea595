package dev.matchplane.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import dev.matchplane.provisioning.GameServer;
import dev.matchplane.ticket.EnqueueCommand;
import dev.matchplane.ticket.Ticket;
import dev.matchplane.ticket.TicketStatus;
import dev.matchplane.token.MatchTokens;
import dev.matchplane.token.TokenClaims;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A tick whose signing takes longer than the lock's TTL (a busy machine, a slow algorithm, a big window) must still
 * commit: the engine renews the lock between slices of tokens. Signing is slowed down on purpose here, in
 * proportion to the number of tokens, so that signing the whole window at once would outlast the 3 s lock while each slice stays well inside it.
 */
@TestPropertySource(properties = { "matchmaking.role=api", "matchmaking.min-wait=0ms", "matchmaking.lock-ttl=3s",
        "matchmaking.claim-lease=30s" })
class MatchingEngineSlicesIntegrationTests extends EngineIntegrationTest {

    private static final int PARTY = 16;
    /** Three slices' worth of tokens: 40 parties of 16 = 640 tokens. */
    private static final int PARTIES = 40;
    private static final long SIGNING_MILLIS_PER_TOKEN = 6;


    @Test
    void tickWhoseSigningOutlastsTheLockTtlStillCommitsEveryMatch() {
        String landType = unique("slow");
        servers.register(new GameServer("gs-" + landType, "127.0.0.1", 7000, landType, null, null, null, null, null),
                clock.instant());
        List<String> ids = IntStream.range(0, PARTIES).mapToObj(i -> enqueueParty(landType + ":" + PARTY)).toList();
        assertThat(PARTIES * PARTY * SIGNING_MILLIS_PER_TOKEN).as("signing all at once outlasts the lock")
                .isGreaterThan(properties.lockTtl().toMillis());
        MatchingEngine engine = engine(new SlowSigner());

        TickReport report = engine.tick(clock.instant());

        assertThat(report.fenced()).isFalse();
        assertThat(report.committed()).isEqualTo(PARTIES);
        assertThat(ids).allSatisfy(id -> assertThat(tickets.find(id).map(Ticket::status)).hasValue(
                TicketStatus.ASSIGNED));
    }

    /**
     * Signs as one signing thread would if each token took {@link #SIGNING_MILLIS_PER_TOKEN}: lists are done one
     * after another, each that long after the one before, without any thread sleeping.
     */
    private static final class SlowSigner implements MatchTokens {

        private CompletableFuture<?> last = CompletableFuture.completedFuture(null);

        @Override
        public List<String> signAll(List<TokenClaims> claims) {
            return signAllAsync(claims, Runnable::run).join();
        }

        @Override
        public synchronized CompletableFuture<List<String>> signAllAsync(List<TokenClaims> claims, Executor unused) {
            Executor afterSigningTime = CompletableFuture.delayedExecutor(claims.size() * SIGNING_MILLIS_PER_TOKEN,
                    TimeUnit.MILLISECONDS);
            CompletableFuture<List<String>> signed = last.thenCompose(previous -> CompletableFuture.supplyAsync(
                    () -> claims.stream().map(c -> "token-for-" + c.jti()).toList(), afterSigningTime));
            last = signed;
            return signed;
        }
    }

    private String enqueueParty(String queueKey) {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < PARTY; i++) {
            members.add(unique("p"));
        }
        return tickets.enqueue(new EnqueueCommand(queueKey, null, members, PARTY, null, null)).ticketId();
    }
}
