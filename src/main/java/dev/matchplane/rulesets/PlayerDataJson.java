package dev.matchplane.rulesets;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.matchplane.matching.rules.AttributeValue;
import dev.matchplane.matching.rules.PlayerData;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The player data of a ticket as stored in its hash ({@code players}): written once at enqueue, normalised (empty
 * parts left out), and read by the tick for queues under a rule set.
 */
@Component
public class PlayerDataJson {

    private static final TypeReference<Map<String, Map<String, Map<String, Object>>>> STORED =
            new TypeReference<>() {
            };

    private final ObjectMapper json;

    PlayerDataJson(ObjectMapper json) {
        this.json = json;
    }

    /** {@code ""} when nobody reported anything, so the hash keeps no empty field. */
    public String write(Map<String, PlayerData> players) {
        Map<String, Object> out = new LinkedHashMap<>();
        players.forEach((playerId, data) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            if (!data.attributes().isEmpty()) {
                Map<String, Object> attributes = new LinkedHashMap<>();
                data.attributes().forEach((name, value) -> attributes.put(name, value.json()));
                entry.put("attributes", attributes);
            }
            if (!data.latencies().isEmpty()) {
                entry.put("latencies", data.latencies());
            }
            if (!entry.isEmpty()) {
                out.put(playerId, entry);
            }
        });
        return out.isEmpty() ? "" : json.writeValueAsString(out);
    }

    public Map<String, PlayerData> read(@Nullable String stored) {
        if (stored == null || stored.isEmpty()) {
            return Map.of();
        }
        Map<String, PlayerData> players = new LinkedHashMap<>();
        json.readValue(stored, STORED).forEach((playerId, entry) -> {
            Map<String, AttributeValue> attributes = new LinkedHashMap<>();
            entry.getOrDefault("attributes", Map.of()).forEach((name, value) -> {
                AttributeValue parsed = AttributeValue.fromJson(value);
                if (parsed != null) {
                    attributes.put(name, parsed);
                }
            });
            Map<String, Integer> latencies = new LinkedHashMap<>();
            entry.getOrDefault("latencies", Map.of()).forEach((region, ms) -> latencies.put(region,
                    ((Number) ms).intValue()));
            players.put(playerId, new PlayerData(attributes, latencies));
        });
        return players;
    }
}
