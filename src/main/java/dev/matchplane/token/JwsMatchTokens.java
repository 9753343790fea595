package dev.matchplane.token;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import io.jsonwebtoken.Jwts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@link MatchTokens} as JWS compact serializations built and signed by jjwt. A big match signs one
 * token per member, and RSA signing costs about a millisecond of CPU each, so lists are split into one chunk per
 * signing thread of a dedicated pool; the tick's own thread only waits. Small lists are not worth the hand-off.
 */
@Component
class JwsMatchTokens implements MatchTokens, DisposableBean {

    /** Below this many tokens the calling thread signs them itself. */
    static final int PARALLEL_THRESHOLD = 8;
    /** Fewest tokens worth a task of their own. */
    private static final int MIN_CHUNK = 4;

    private final SigningKeys keys;
    private final String issuer;
    private final String audience;
    private final int threads;
    private final ExecutorService pool;
    private final Counter signed;

    JwsMatchTokens(SigningKeys keys, TokenProperties properties) {
        this(keys, properties, new SimpleMeterRegistry());
    }

    @Autowired
    JwsMatchTokens(SigningKeys keys, TokenProperties properties, MeterRegistry meters) {
        this.signed = Counter.builder("matchplane.tokens.signed").description("Match tokens signed")
                .register(meters);
        this.keys = keys;
        this.issuer = properties.issuer();
        this.audience = properties.audience();
        this.threads = properties.signingThreads();
        this.pool = Executors.newFixedThreadPool(threads, daemonThreads());
    }

    @Override
    public List<String> signAll(List<TokenClaims> claims) {
        if (claims.isEmpty()) {
            return List.of();
        }
        SigningKey key = keys.active();
        if (claims.size() < PARALLEL_THRESHOLD) {
            return signChunk(key, claims);
        }
        int chunks = Math.min(threads, (claims.size() + MIN_CHUNK - 1) / MIN_CHUNK);
        int chunkSize = (claims.size() + chunks - 1) / chunks;
        List<Future<List<String>>> futures = new ArrayList<>(chunks);
        for (int from = 0; from < claims.size(); from += chunkSize) {
            List<TokenClaims> chunk = claims.subList(from, Math.min(claims.size(), from + chunkSize));
            futures.add(pool.submit(() -> signChunk(key, chunk)));
        }
        return collect(futures, claims.size());
    }

    /**
     * The chunks go straight onto the signing pool's queue, behind those of lists started before: no thread waits
     * for the slowest chunk of a list before it starts on the next list, as it would if each list were signed as a
     * batch. Cancelling the returned future skips its chunks that have not started.
     */
    @Override
    public CompletableFuture<List<String>> signAllAsync(List<TokenClaims> claims, Executor elsewhere) {
        if (claims.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        SigningKey key = keys.active();
        int chunks = Math.max(1, Math.min(threads, claims.size() / MIN_CHUNK));
        int chunkSize = (claims.size() + chunks - 1) / chunks;
        List<CompletableFuture<List<String>>> parts = new ArrayList<>(chunks);
        for (int from = 0; from < claims.size(); from += chunkSize) {
            List<TokenClaims> chunk = claims.subList(from, Math.min(claims.size(), from + chunkSize));
            parts.add(CompletableFuture.supplyAsync(() -> signChunk(key, chunk), pool));
        }
        CompletableFuture<List<String>> all = CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                .thenApply(done -> {
                    List<String> tokens = new ArrayList<>(claims.size());
                    parts.forEach(part -> tokens.addAll(part.join()));
                    return tokens;
                });
        all.whenComplete((tokens, failure) -> {
            if (all.isCancelled()) {
                parts.forEach(part -> part.cancel(false));
            }
        });
        return all;
    }

    private static List<String> collect(List<Future<List<String>>> futures, int size) {
        List<String> tokens = new ArrayList<>(size);
        try {
            for (Future<List<String>> future : futures) {
                tokens.addAll(future.get());
            }
            return tokens;
        }
        catch (InterruptedException ex) {
            futures.forEach(future -> future.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signing match tokens", ex);
        }
        catch (ExecutionException ex) {
            futures.forEach(future -> future.cancel(true));
            if (ex.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("signing match tokens failed", ex.getCause());
        }
    }

    private List<String> signChunk(SigningKey key, List<TokenClaims> chunk) {
        List<String> tokens = new ArrayList<>(chunk.size());
        for (TokenClaims claims : chunk) {
            tokens.add(sign(key, claims));
        }
        signed.increment(tokens.size());
        return tokens;
    }

    /**
     * The header ({@code typ}, {@code kid}, {@code alg}) and claims in the order and with the types the tokens have
     * always had: registered claims, then ours, then the optional ones; {@code aud} a single string. jjwt leaves out
     * a blank {@code jti} or {@code sub}; ids that reach here never are.
     */
    private String sign(SigningKey key, TokenClaims claims) {
        return Jwts.builder()
                .header().type("JWT").keyId(key.kid()).and()
                .id(claims.jti())
                .issuer(issuer)
                .audience().single(audience)
                .subject(claims.playerId())
                .issuedAt(Date.from(claims.issuedAt()))
                .expiration(Date.from(claims.expiresAt()))
                .claim("assignmentId", claims.assignmentId())
                .claim("playerId", claims.playerId())
                .claim("landId", claims.landId())
                .claim("serverId", claims.serverId())
                .claim("ticketId", claims.ticketId())
                .claim("matchId", claims.matchId())
                .claims(claims.optional())
                .signWith(key.privateKey(), key.algorithm().jws())
                .compact();
    }

    /** Daemon threads: a signing pool must never keep a stopping JVM alive. */
    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "token-signer-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void destroy() {
        pool.shutdown();
    }
}
