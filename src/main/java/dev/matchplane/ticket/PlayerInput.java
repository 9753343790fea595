package dev.matchplane.ticket;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.matchplane.matching.rules.AttributeValue;
import dev.matchplane.matching.rules.PlayerData;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** What one member reports for matching under a rule set (docs/matching-rules.md); both parts optional. */
@Schema(name = "PlayerData", description = "One member's attributes and latencies. Unknown fields are refused.",
        additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record PlayerInput(
        @Schema(description = "At most 16; each a finite number, a string of 1-64 characters or an array of 1-16 "
                + "distinct such strings", example = "{\"skill\": 1510, \"mode\": \"ctf\", \"maps\": [\"dust\"]}")
        @Size(max = 16, message = "must have at most {max} attributes")
        @Nullable Map<String, @AttributeShape Object> attributes,

        @Schema(description = "Round-trip time per region in ms (integers 0-10000), at most 16 regions",
                example = "{\"eu-west\": 35, \"us-east\": 110}")
        @Size(max = 16, message = "must have at most {max} regions")
        @Nullable Map<String, @NotNull(message = "is required") @Min(value = 0, message = "must be between 0 and "
                + "10000") @Max(value = 10000, message = "must be between 0 and 10000") Integer> latencies) {

    /** Only once validated: every attribute value then has one of the three shapes. */
    public PlayerData toPlayerData() {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        if (attributes != null) {
            attributes.forEach((name, json) -> values.put(name, java.util.Objects.requireNonNull(
                    AttributeValue.fromJson(json), name)));
        }
        return new PlayerData(values, latencies);
    }
}
