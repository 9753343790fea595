package dev.matchplane.token;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.matchplane.web.ErrorCode;
import dev.matchplane.web.ProblemCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public keys game servers verify match tokens with; the same on every instance. */
@RestController
@Tag(name = "Tokens")
class JwksController {

    /** Game servers may cache the set this long; JWKS clients refetch when a token names a kid they lack. */
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final SigningKeys keys;

    JwksController(SigningKeys keys) {
        this.keys = keys;
    }

    @Operation(summary = "Match-token verification keys", description = "Every key that signed a token still "
            + "unexpired; the same on every instance. Cacheable for 5 minutes; refetch on an unknown `kid`.")
    @ProblemCodes({ ErrorCode.ORIGIN_NOT_ALLOWED, ErrorCode.STORE_UNAVAILABLE })
    @GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JwkSet> jwks() {
        List<Map<String, Object>> jwks = keys.published().stream().map(PublishedKey::jwk).toList();
        return ResponseEntity.ok().cacheControl(CACHE).body(new JwkSet(jwks));
    }

    record JwkSet(@io.swagger.v3.oas.annotations.media.Schema(description = "Public keys (RFC 7517)", example = "[{"
            + "\"kty\": \"RSA\", \"n\": \"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbf…\", "
            + "\"e\": \"AQAB\", \"kid\": \"k-2026-11-26\", \"alg\": \"RS256\", \"use\": \"sig\"}]")
            List<Map<String, Object>> keys) {
    }
}
