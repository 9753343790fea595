package dev.matchplane.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operator API settings ({@code admin.*}).
 *
 * @param apiKey when not blank, admin calls require {@code Authorization: Bearer <key>} ({@code ADMIN_API_KEY}, unset)
 */
@ConfigurationProperties("admin")
public record AdminProperties(@DefaultValue("") String apiKey) {

    boolean authenticated() {
        return !apiKey.isBlank();
    }

    /** Keeps the key out of any log line or error message that prints the settings. */
    @Override
    public String toString() {
        return "AdminProperties[apiKey=" + (authenticated() ? "(set)" : "(unset)") + "]";
    }
}
