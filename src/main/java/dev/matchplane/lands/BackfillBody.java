package dev.matchplane.lands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.matchplane.web.FieldViolation;
import dev.matchplane.web.ProblemException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A backfill request body, validated against its land: {@code openSlots} (team → free slots, or a number for a queue
 * without teams) and the optional current {@code players}. Read by hand rather than as a record because
 * {@code openSlots} is either a number or an object; every offending field is named at once, as elsewhere.
 *
 * @param openSlots   team name → free slots ({@code ""} for a queue without teams); at least one slot in all
 * @param playersJson the current players, kept as JSON for rule evaluation; {@code ""} when none were given
 */
record BackfillBody(Map<String, Integer> openSlots, String playersJson) {

    private static final Set<String> FIELDS = Set.of("openSlots", "players");
    private static final Set<String> PLAYER_FIELDS = Set.of("team", "attributes", "latencies");
    private static final Pattern PLAYER_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");
    private static final int MAX_TEAMS = 16;
    private static final int MAX_PLAYERS = 400;
    private static final Pattern TEAM = Pattern.compile("[A-Za-z0-9._-]{0,64}");

    /**
     * The shape alone, before the land is looked up (so a bad body is a 400 whatever the land): team names of a
     * valid shape, at most 400 slots, as a rule set's match may hold.
     */
    static void checkShape(@Nullable JsonNode body) {
        parse(body, null);
    }

    /**
     * @param teams the land's teams with their maximum players ({@code ""} with the match size, for a queue without
     *              a rule set); null: any well-formed name, up to 400. No team opens more slots than its maximum,
     *              nor all teams together more than their sum.
     */
    static BackfillBody parse(@Nullable JsonNode body, @Nullable Map<String, Integer> teams) {
        List<FieldViolation> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw ProblemException.invalid(List.of(new FieldViolation("body", "must be a JSON object")));
        }
        body.propertyNames().stream().filter(name -> !FIELDS.contains(name))
                .forEach(name -> errors.add(new FieldViolation(name, "unknown field")));
        Map<String, Integer> slots = slots(body.get("openSlots"), teams, errors);
        JsonNode players = body.get("players");
        if (players != null && !players.isNull()) {
            checkPlayers(players, teams, errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new BackfillBody(slots, players == null || players.isNull() ? "" : players.toString());
    }

    private static boolean known(@Nullable Map<String, Integer> teams, String team) {
        return teams == null ? TEAM.matcher(team).matches() : teams.containsKey(team);
    }

    private static int most(@Nullable Map<String, Integer> teams, String team) {
        return teams == null ? MAX_PLAYERS : teams.get(team);
    }

    private static Map<String, Integer> slots(@Nullable JsonNode node, @Nullable Map<String, Integer> teams,
            List<FieldViolation> errors) {
        int matchSize = teams == null ? MAX_PLAYERS : teams.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Integer> slots = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            errors.add(new FieldViolation("openSlots", "is required"));
        }
        else if (node.isNumber()) {
            if (!known(teams, "")) {
                errors.add(new FieldViolation("openSlots", "must name the team of each slot: this land has teams"));
            }
            else if (count(node, 1, most(teams, ""), "openSlots", errors)) {
                slots.put("", node.intValue());
            }
        }
        else if (node.isObject() && node.size() >= 1 && node.size() <= MAX_TEAMS) {
            for (String team : node.propertyNames()) {
                String field = "openSlots." + team;
                if (!known(teams, team)) {
                    errors.add(new FieldViolation(field, teams == null || teams.keySet().equals(Set.of(""))
                            ? "unknown team" : "unknown team: this land's teams are " + String.join(", ",
                                    teams.keySet())));
                }
                else if (count(node.get(team), 0, most(teams, team), field, errors)) {
                    slots.put(team, node.get(team).intValue());
                }
            }
            int total = slots.values().stream().mapToInt(Integer::intValue).sum();
            if (errors.isEmpty() && (total < 1 || total > matchSize)) {
                errors.add(new FieldViolation("openSlots", "must open 1 to " + matchSize + " slots in all"));
            }
        }
        else {
            errors.add(new FieldViolation("openSlots", "must be a number of slots or an object of 1 to " + MAX_TEAMS
                    + " teams"));
        }
        return slots;
    }

    private static boolean count(JsonNode value, int min, int max, String field, List<FieldViolation> errors) {
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min
                || value.intValue() > max) {
            errors.add(new FieldViolation(field, "must be an integer from " + min + " to " + max));
            return false;
        }
        return true;
    }

    private static void checkPlayers(JsonNode players, @Nullable Map<String, Integer> teams,
            List<FieldViolation> errors) {
        if (!players.isObject() || players.size() > MAX_PLAYERS) {
            errors.add(new FieldViolation("players", "must be an object of at most " + MAX_PLAYERS + " players"));
            return;
        }
        for (String playerId : players.propertyNames()) {
            String field = "players." + playerId;
            JsonNode player = players.get(playerId);
            if (!PLAYER_ID.matcher(playerId).matches()) {
                errors.add(new FieldViolation(field, "player ids are 1-64 characters of A-Z a-z 0-9 . _ : @ -"));
            }
            else if (!player.isObject()
                    || !player.propertyNames().stream().allMatch(PLAYER_FIELDS::contains)) {
                errors.add(new FieldViolation(field, "must be an object of team, attributes and latencies"));
            }
            else if (player.has("team") ? !player.get("team").isString()
                    || !known(teams, player.get("team").asString()) : !known(teams, "")) {
                errors.add(new FieldViolation(field + ".team", "must be one of the land's teams"));
            }
            else if (player.has("attributes") && !player.get("attributes").isObject()
                    || player.has("latencies") && !player.get("latencies").isObject()) {
                errors.add(new FieldViolation(field, "attributes and latencies must be objects"));
            }
        }
    }
}
