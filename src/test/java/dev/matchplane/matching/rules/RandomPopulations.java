package dev.matchplane.matching.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random rule sets and windows from a seed, for the property tests and the benchmark's shape. */
final class RandomPopulations {

    static final String[] REGIONS = {"eu-west", "us-east", "ap-south"};
    static final String[] MODES = {"ctf", "dm", "koth"};
    static final String[] MAPS = {"dust", "nuke", "train", "inferno"};

    private RandomPopulations() {
    }

    static RuleSet ruleSet(Random random) {
        StringBuilder teams = new StringBuilder();
        int kinds = 1 + random.nextInt(3);
        for (int i = 0; i < kinds; i++) {
            int min = 1 + random.nextInt(3);
            String size = random.nextBoolean() ? "'players': " + min
                    : "'minPlayers': " + min + ", 'maxPlayers': " + (min + random.nextInt(3));
            String quantity = random.nextInt(4) == 0 ? ", 'quantity': " + (2 + random.nextInt(2)) : "";
            teams.append(i == 0 ? "" : ", ").append("{'name': 't").append(i).append("', ").append(size)
                    .append(quantity).append('}');
        }
        List<String> rules = new ArrayList<>();
        List<String> expansions = new ArrayList<>();
        if (random.nextBoolean()) {
            rules.add("{'name': 'skill', 'type': 'distance', 'attribute': 'skill', 'max': " + (50 + random.nextInt(300)) + "}");
            if (random.nextBoolean()) {
                expansions.add("{'target': 'rules[skill].max', 'steps': [{'afterMs': 5000, 'value': 500},"
                        + " {'afterMs': 20000, 'value': 2000}]}");
            }
        }
        if (random.nextInt(3) == 0) {
            rules.add("{'name': 'fair', 'type': 'teamBalance', 'attribute': 'skill', 'max': " + (50 + random.nextInt(300)) + "}");
        }
        if (random.nextInt(3) == 0) {
            rules.add("{'name': 'mode', 'type': 'equals', 'attribute': 'mode'}");
        }
        if (random.nextInt(3) == 0) {
            rules.add("{'name': 'map', 'type': 'intersect', 'attribute': 'maps', 'min': " + (1 + random.nextInt(2)) + "}");
        }
        if (random.nextInt(3) == 0) {
            rules.add("{'name': 'ping', 'type': 'latency', 'max': " + (60 + random.nextInt(100)) + "}");
        }
        if (random.nextInt(3) == 0) {
            expansions.add("{'target': 'teams[t0].minPlayers', 'steps': [{'afterMs': 15000, 'value': 1}]}");
        }
        String party = new String[] {"avg", "min", "max"}[random.nextInt(3)];
        return Tickets.ruleSet("{'queues': ['q:*'], 'attributes': {'skill': {'type': 'number', 'default': 1500,"
                + " 'party': '" + party + "'}, 'mode': {'type': 'string', 'default': 'ctf'}, 'maps': {'type': 'list'}},"
                + " 'teams': [" + teams + "], 'rules': [" + String.join(", ", rules) + "],"
                + " 'expansions': [" + String.join(", ", expansions) + "]}");
    }

    static List<RuledTicket> window(Random random, int size, int largestParty, long now) {
        List<RuledTicket> window = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int members = 1 + random.nextInt(Math.min(3, largestParty));
            List<String> ids = new ArrayList<>();
            Map<String, PlayerData> players = new LinkedHashMap<>();
            for (int m = 0; m < members; m++) {
                String id = "p" + i + "-" + m;
                ids.add(id);
                players.put(id, player(random));
            }
            String region = random.nextBoolean() ? REGIONS[random.nextInt(REGIONS.length)] : null;
            window.add(new RuledTicket("t" + i, members, now - random.nextInt(60_000), region, ids, players));
        }
        return window;
    }

    static PlayerData player(Random random) {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        if (random.nextInt(5) > 0) {
            attributes.put("skill", new AttributeValue.NumberValue(Math.round(1500 + 300 * random.nextGaussian())));
        }
        if (random.nextInt(5) > 0) {
            attributes.put("mode", new AttributeValue.StringValue(MODES[random.nextInt(2)]));
        }
        List<String> maps = new ArrayList<>(List.of(MAPS));
        java.util.Collections.shuffle(maps, random);
        attributes.put("maps", new AttributeValue.ListValue(maps.subList(0, 1 + random.nextInt(MAPS.length))));
        Map<String, Integer> latencies = new LinkedHashMap<>();
        if (random.nextInt(10) < 7) {
            for (String region : REGIONS) {
                if (random.nextInt(4) > 0) {
                    latencies.put(region, 10 + random.nextInt(200));
                }
            }
        }
        return new PlayerData(attributes, latencies);
    }

    static ServerCapacity capacity(Random random) {
        if (random.nextBoolean()) {
            return ServerCapacity.unlimited();
        }
        Map<String, Integer> free = new LinkedHashMap<>();
        for (String region : REGIONS) {
            free.put(region, random.nextInt(4));
        }
        return new ServerCapacity(free, random.nextInt(3));
    }
}
