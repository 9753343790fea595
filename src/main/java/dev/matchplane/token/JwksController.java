package dev.matchplane.token;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public keys game servers verify match tokens with; the same on every instance. */
@RestController
class JwksController {

    /** Game servers may cache the set this long; JWKS clients refetch when a token names a kid they lack. */
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final SigningKeys keys;

    JwksController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JwkSet> jwks() {
        List<Map<String, Object>> jwks = keys.published().stream().map(PublishedKey::jwk).toList();
        return ResponseEntity.ok().cacheControl(CACHE).body(new JwkSet(jwks));
    }

    record JwkSet(List<Map<String, Object>> keys) {
    }
}
