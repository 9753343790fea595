package dev.matchplane.matching.rules;

import java.util.Map;

/** What one member reported at enqueue: attribute values and latency per region (ms). Empty when absent. */
public record PlayerData(Map<String, AttributeValue> attributes, Map<String, Integer> latencies) {

    public static final PlayerData NONE = new PlayerData(Map.of(), Map.of());

    public PlayerData {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        latencies = latencies == null ? Map.of() : Map.copyOf(latencies);
    }
}
