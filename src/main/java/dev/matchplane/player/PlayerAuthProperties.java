package dev.matchplane.player;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Player authentication ({@code matchmaking.player-auth.*}, environment {@code MATCHMAKING_PLAYER_AUTH*}).
 *
 * @param mode        {@code off} (the default: player ids are trusted) or {@code jwt}
 * @param jwkSetUri   the studio's JWK set (RS256/ES256 keys); with {@code issuerUri} as well, {@code iss} is checked
 * @param issuerUri   the studio's OpenID issuer: its keys are found through discovery and {@code iss} must match
 * @param hs256Secret a shared secret (at least 32 bytes) instead of keys: tokens signed with HS256
 * @param audience    when set, a token's {@code aud} must contain it
 * @param claim       the claim that holds the player id ({@code sub})
 * @param jwkSetCache how long fetched keys are kept: a removed key is refused at most this long after removal; a
 *                    token signed by a key not yet cached fetches the set again at once (5 min)
 */
@ConfigurationProperties("matchmaking.player-auth")
@Validated
public record PlayerAuthProperties(
        @DefaultValue("off") Mode mode,
        @Nullable URI jwkSetUri,
        @Nullable String issuerUri,
        @DefaultValue("") String hs256Secret,
        @DefaultValue("") String audience,
        @DefaultValue("sub") @NotBlank String claim,
        @DefaultValue("5m") @DurationMin(seconds = 1) Duration jwkSetCache) {

    /** HS256 keys shorter than the hash (RFC 7518 §3.2) are refused. */
    static final int MIN_SECRET_BYTES = 32;

    public enum Mode { OFF, JWT }

    public PlayerAuthProperties {
        issuerUri = issuerUri == null || issuerUri.isBlank() ? null : issuerUri.trim();
        jwkSetUri = jwkSetUri == null || jwkSetUri.toString().isBlank() ? null : jwkSetUri;
    }

    public boolean enabled() {
        return mode == Mode.JWT;
    }

    boolean sharedSecret() {
        return !hs256Secret.isEmpty();
    }

    @AssertTrue(message = "with mode jwt, set either the JWK set URI / issuer URI or the HS256 secret, not both")
    boolean isOneKeySource() {
        boolean keys = jwkSetUri != null || issuerUri != null;
        return !enabled() || keys != sharedSecret();
    }

    @AssertTrue(message = "hs256-secret must be at least 32 bytes")
    boolean isSecretLongEnough() {
        return !sharedSecret() || hs256Secret.getBytes(StandardCharsets.UTF_8).length >= MIN_SECRET_BYTES;
    }

    /** Keeps the secret out of any log line or error message that prints the settings. */
    @Override
    public String toString() {
        return "PlayerAuthProperties[mode=" + mode + ", jwkSetUri=" + jwkSetUri + ", issuerUri=" + issuerUri
                + ", hs256Secret=" + (sharedSecret() ? "(set)" : "(unset)") + ", audience=" + audience + ", claim="
                + claim + ", jwkSetCache=" + jwkSetCache + "]";
    }
}
