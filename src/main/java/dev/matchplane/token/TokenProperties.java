package dev.matchplane.token;

import jakarta.validation.constraints.AssertFalse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Match token settings ({@code token.*}); the environment names map onto them in application.yaml.
 *
 * @param algorithm      {@code RS256} (compat default) or {@code ES256} ({@code TOKEN_ALGORITHM})
 * @param issuer         the {@code iss} claim ({@code TOKEN_ISSUER}, {@code matchplane})
 * @param audience       the {@code aud} claim, a single string ({@code TOKEN_AUDIENCE}, {@code game-server})
 * @param privateKeyPem  the signing key as PEM text (PKCS#8, or PKCS#1 / SEC1): RSA (2048 bits or more) for RS256,
 *                       EC P-256 for ES256 ({@code TOKEN_PRIVATE_KEY_PEM}); literal {@code \n} sequences are accepted
 * @param privateKeyFile path of a PEM file holding the signing key ({@code TOKEN_PRIVATE_KEY_FILE}); without
 *                       either, a key is generated once and shared through Redis
 * @param signingThreads threads that sign tokens in parallel ({@code TOKEN_SIGNING_THREADS}; 0 = available processors)
 * @param retiredKeyRetention how long a configured key stays in the JWKS after the last instance using it stopped
 *                       ({@code TOKEN_RETIRED_KEY_RETENTION_MS}, 1 h): at least {@code matchmaking.assignment-ttl},
 *                       so that rotating the key never invalidates tokens already handed out
 */
@ConfigurationProperties("token")
@Validated
record TokenProperties(
        @DefaultValue("RS256") TokenAlgorithm algorithm,
        @DefaultValue("matchplane") @NotBlank String issuer,
        @DefaultValue("game-server") @NotBlank String audience,
        @Nullable String privateKeyPem,
        @Nullable String privateKeyFile,
        @DefaultValue("0") @PositiveOrZero int signingThreads,
        @DefaultValue("3600s") java.time.Duration retiredKeyRetention) {

    TokenProperties {
        privateKeyPem = hasText(privateKeyPem) ? privateKeyPem : null;
        privateKeyFile = hasText(privateKeyFile) ? privateKeyFile.trim() : null;
        if (signingThreads == 0) {
            signingThreads = Runtime.getRuntime().availableProcessors();
        }
    }

    @AssertFalse(message = "set either private-key-pem or private-key-file, not both")
    boolean isBothKeysSet() {
        return privateKeyPem != null && privateKeyFile != null;
    }

    boolean hasConfiguredKey() {
        return privateKeyPem != null || privateKeyFile != null;
    }

    /** Never prints the key: records print every component, and properties end up in logs and reports. */
    @Override
    public String toString() {
        return "TokenProperties[algorithm=" + algorithm + ", issuer=" + issuer + ", audience=" + audience
                + ", privateKeyPem=" + (privateKeyPem == null ? "unset" : "(set)") + ", privateKeyFile="
                + privateKeyFile + ", signingThreads=" + signingThreads + "]";
    }

    private static boolean hasText(@Nullable String value) {
        return value != null && !value.isBlank();
    }
}
