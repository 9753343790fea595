package example.gameserver;

import java.net.URL;
import java.text.ParseException;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

/**
 * Checks a match token as docs/game-server-integration.md asks: signature against Matchplane's JWKS (RS256 or
 * ES256, whichever the operator configured), {@code exp}, {@code iss}, {@code aud}, that it was issued for this
 * server, and that it admits its bearer to the land the client asked for.
 */
final class MatchTokenVerifier {

    /** Both algorithms Matchplane can sign with; anything else (notably {@code none} and HS256) is refused. */
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
    private static final int JWKS_TIMEOUT_MS = 2_000;
    /** As long as a token lives (the default assignment TTL): no token this server could admit is older. */
    private static final long OUTAGE_TOLERANCE_MS = 60 * 60 * 1000L;
    /** A JWKS holds a handful of keys; anything this large is not one. */
    private static final int JWKS_SIZE_LIMIT = 64 * 1024;
    private static final Set<String> REQUIRED = Set.of("exp", "iat", "jti", "playerId", "landId");

    private final ConfigurableJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    MatchTokenVerifier(URL jwksUrl, String issuer, String audience, String serverId) {
        // The builder's source caches the key set (5 min), refreshes it ahead of expiry and, when a token names a
        // kid it does not know, refetches at once (rate limited): that is how a key rotation reaches a running
        // server without a restart, and why forged kids cannot make it hammer Matchplane.
        // nimbus's 500 ms HTTP timeouts suit identity providers on a fast network; a joining player can wait 2 s.
        // Outage tolerance: while Matchplane is down, players already assigned can still join with the keys we had.
        JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(jwksUrl,
                new DefaultResourceRetriever(JWKS_TIMEOUT_MS, JWKS_TIMEOUT_MS, JWKS_SIZE_LIMIT))
                .outageTolerant(OUTAGE_TOLERANCE_MS).build();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        // serverId: a token for a land placed on another server must not open a land here.
        JWTClaimsSet exact = new JWTClaimsSet.Builder().issuer(issuer).claim("serverId", serverId).build();
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience, exact, REQUIRED));
    }

    /**
     * The player {@code token} admits to {@code landId}.
     *
     * @throws TokenRejectedException the token is malformed, forged, expired, not for us or for another land
     * @throws KeySourceException     the JWKS could not be fetched: our problem (503), not the player's
     */
    Player verify(String token, String landId) throws TokenRejectedException, KeySourceException {
        try {
            JWTClaimsSet claims = processor.process(token, null);
            // The landId in the URL is in clear; only the signed claim says which land the player was placed in.
            if (!landId.equals(claims.getStringClaim("landId"))) {
                throw new TokenRejectedException("token is for another land", null);
            }
            return new Player(claims.getStringClaim("playerId"), landId, claims.getStringClaim("matchId"));
        }
        catch (KeySourceException ex) {
            throw ex;
        }
        catch (ParseException | BadJOSEException | JOSEException ex) {
            throw new TokenRejectedException(ex.getMessage(), ex);
        }
    }
}
