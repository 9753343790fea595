package dev.matchplane.provisioning;

import java.time.Duration;

import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Game-server settings ({@code provisioning.*}); the compat environment names map onto them in application.yaml.
 *
 * @param serverTtl  a server whose last heartbeat is older than this is dead: never chosen, then swept
 *                   ({@code PROVISIONING_SERVER_TTL_MS}, 90 s)
 * @param apiKey     when not blank, register and delete require {@code Authorization: Bearer <key>}
 *                   ({@code PROVISIONING_API_KEY}, unset)
 * @param sweepBatch most dead servers removed per sweep (500)
 */
@ConfigurationProperties("provisioning")
@Validated
public record ProvisioningProperties(
        @DefaultValue("90000ms") @DurationMin(millis = 1) Duration serverTtl,
        @DefaultValue("") String apiKey,
        @DefaultValue("500") @Positive int sweepBatch) {


    boolean authenticated() {
        return !apiKey.isBlank();
    }

    /** Keeps the key out of any log line or error message that prints the settings. */
    @Override
    public String toString() {
        return "ProvisioningProperties[serverTtl=" + serverTtl + ", apiKey=" + (authenticated() ? "(set)" : "(unset)")
                + ", sweepBatch=" + sweepBatch + "]";
    }
}
