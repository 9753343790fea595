package dev.matchplane.token;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Signs the match tokens a tick hands out with the key {@code /.well-known/jwks.json} publishes. */
public interface MatchTokens {

    /**
     * Signs all tokens, in parallel across cores, off the caller's thread pool; result order = input order.
     * The returned strings are credentials: never log them.
     */
    List<String> signAll(List<TokenClaims> claims);

    /**
     * Starts signing and returns at once; result order = input order. An implementation with signing threads of its
     * own queues the work on them, so that lists started one after another keep every thread busy without waiting
     * for each other. This default runs {@link #signAll} on {@code elsewhere}. A failure, Errors included, completes
     * the future exceptionally.
     */
    default CompletableFuture<List<String>> signAllAsync(List<TokenClaims> claims, Executor elsewhere) {
        return CompletableFuture.supplyAsync(() -> signAll(claims), elsewhere);
    }
}
