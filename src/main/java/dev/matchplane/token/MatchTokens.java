package dev.matchplane.token;

import java.util.List;

/** Signs the match tokens a tick hands out (CONTRACT §5) with the key {@code /.well-known/jwks.json} publishes. */
public interface MatchTokens {

    /**
     * Signs all tokens, in parallel across cores, off the caller's thread pool; result order = input order.
     * The returned strings are credentials: never log them.
     */
    List<String> signAll(List<TokenClaims> claims);
}
