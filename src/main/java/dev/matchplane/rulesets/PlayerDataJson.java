package dev.matchplane.rulesets;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.matchplane.matching.rules.AttributeValue;
import dev.matchplane.matching.rules.LandRoster;
import dev.matchplane.matching.rules.PlayerData;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The player data of a ticket as stored in its hash ({@code players}): written once at enqueue, normalised (empty
 * parts left out), and read by the tick for queues under a rule set; also a backfill request's current players.
 */
@Component
public class PlayerDataJson {

    private static final TypeReference<Map<String, Map<String, Map<String, Object>>>> STORED =
            new TypeReference<>() {
            };
    private static final TypeReference<Map<String, Map<String, Object>>> SEATED = new TypeReference<>() {
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
        json.readValue(stored, STORED).forEach((playerId, entry) -> players.put(playerId, player(entry)));
        return players;
    }

    /**
     * The current players a backfill request reported ({@code {"<id>": {"team", "attributes", "latencies"}}}, as
     * validated by the lands feature); a player without a team is on {@code ""}.
     */
    public Map<String, LandRoster.SeatedPlayer> readSeated(@Nullable String stored) {
        if (stored == null || stored.isEmpty()) {
            return Map.of();
        }
        Map<String, LandRoster.SeatedPlayer> players = new LinkedHashMap<>();
        json.readValue(stored, SEATED).forEach((playerId, entry) -> players.put(playerId, new LandRoster.SeatedPlayer(
                entry.get("team") instanceof String team ? team : "", player(entry))));
        return players;
    }

    private static PlayerData player(Map<String, ?> entry) {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        if (entry.get("attributes") instanceof Map<?, ?> values) {
            values.forEach((name, value) -> {
                AttributeValue parsed = AttributeValue.fromJson(value);
                if (parsed != null) {
                    attributes.put((String) name, parsed);
                }
            });
        }
        Map<String, Integer> latencies = new LinkedHashMap<>();
        if (entry.get("latencies") instanceof Map<?, ?> values) {
            values.forEach((region, ms) -> latencies.put((String) region, ((Number) ms).intValue()));
        }
        return new PlayerData(attributes, latencies);
    }
}
