package dev.matchplane.player;

import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * Builds the player token decoder from the settings, entirely from Spring Security and Nimbus: signature, the
 * {@code exp}/{@code nbf} checks with the library's default clock skew, issuer, audience, and a JWK set that is
 * cached and fetched again for a key id it does not know yet (a studio's new key works at once).
 */
final class PlayerTokenDecoders {

    /** Longest a cache refresh may block a request before it fails; the fetch itself has Nimbus's timeouts. */
    private static final Duration REFRESH_TIMEOUT = Duration.ofSeconds(15);

    private PlayerTokenDecoders() {
    }

    static JwtDecoder create(PlayerAuthProperties settings) {
        OAuth2TokenValidator<Jwt> validator = validator(settings);
        if (settings.sharedSecret()) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(
                    settings.hs256Secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                    .macAlgorithm(MacAlgorithm.HS256).build();
            decoder.setJwtValidator(validator);
            return decoder;
        }
        URI jwkSetUri = settings.jwkSetUri();
        if (jwkSetUri != null) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys(jwkSetUri, settings.jwkSetCache()))
                    .jwsAlgorithm(SignatureAlgorithm.RS256).jwsAlgorithm(SignatureAlgorithm.ES256).build();
            decoder.setJwtValidator(validator);
            return decoder;
        }
        return discovered(java.util.Objects.requireNonNull(settings.issuerUri()), validator);
    }

    /** The same Nimbus source Spring builds for a JWK set URI, with the cache lifetime a setting. */
    private static JWKSource<SecurityContext> keys(URI jwkSetUri, Duration cache) {
        try {
            return JWKSourceBuilder.create(jwkSetUri.toURL()).cache(cache.toMillis(), REFRESH_TIMEOUT.toMillis())
                    .refreshAheadCache(false).rateLimited(false).build();
        }
        catch (MalformedURLException | IllegalArgumentException ex) {
            throw new IllegalStateException("matchmaking.player-auth.jwk-set-uri is not a URL: " + jwkSetUri, ex);
        }
    }

    /**
     * Discovery (the issuer's openid-configuration) runs on the first token, not at start, so an identity provider
     * that is briefly down never stops the service from starting; until it answers, tokens are refused.
     */
    private static JwtDecoder discovered(String issuer, OAuth2TokenValidator<Jwt> validator) {
        JwtDecoder lazy = new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer)
                    .jwsAlgorithm(SignatureAlgorithm.RS256).jwsAlgorithm(SignatureAlgorithm.ES256).build();
            decoder.setJwtValidator(validator);
            return decoder;
        });
        return token -> {
            try {
                return lazy.decode(token);
            }
            catch (JwtDecoderInitializationException ex) {
                throw new JwtException("The issuer's configuration could not be read: " + ex.getMessage(), ex);
            }
        };
    }

    private static OAuth2TokenValidator<Jwt> validator(PlayerAuthProperties settings) {
        List<OAuth2TokenValidator<Jwt>> checks = new ArrayList<>();
        if (settings.issuerUri() != null) {
            checks.add(new JwtIssuerValidator(settings.issuerUri()));
        }
        if (!settings.audience().isEmpty()) {
            checks.add(new JwtAudienceValidator(settings.audience()));
        }
        checks.add(new JwtClaimValidator<Object>(settings.claim(),
                value -> value instanceof String playerId && !playerId.isBlank()));
        return JwtValidators.createDefaultWithValidators(checks);
    }
}
