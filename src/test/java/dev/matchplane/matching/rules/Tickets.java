package dev.matchplane.matching.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Builds rule sets from JSON (as the admin API will) and tickets from plain maps, for the rule tests. */
final class Tickets {

    static final long NOW = 1_000_000_000L;
    static final QueueTiming TIMING = new QueueTiming(0, 30_000, 600_000);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Tickets() {
    }

    static RuleSet ruleSet(String json) {
        return JSON.readValue(json.replace('\'', '"'), RuleSet.class);
    }

    /** A solo ticket {@code id} with one player {@code id}, enqueued {@code waitedMs} before {@link #NOW}. */
    static RuledTicket solo(String id, long waitedMs, Map<String, ?> attributes) {
        return party(id, waitedMs, null, List.of(new Player(id, attributes, Map.of())));
    }

    static RuledTicket party(String id, long waitedMs, String region, List<Player> players) {
        Map<String, PlayerData> data = new LinkedHashMap<>();
        List<String> members = new ArrayList<>();
        for (Player player : players) {
            members.add(player.id());
            data.put(player.id(), new PlayerData(values(player.attributes()), player.latencies()));
        }
        return new RuledTicket(id, members.size(), NOW - waitedMs, region, members, data);
    }

    static Map<String, AttributeValue> values(Map<String, ?> attributes) {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        attributes.forEach((name, json) -> values.put(name, AttributeValue.fromJson(json)));
        return values;
    }

    record Player(String id, Map<String, ?> attributes, Map<String, Integer> latencies) {
    }

    static List<List<String>> ticketIds(MatchPlan plan) {
        return plan.matches().stream()
                .map(match -> match.tickets().stream().map(p -> p.ticket().ticketId()).toList()).toList();
    }
}
