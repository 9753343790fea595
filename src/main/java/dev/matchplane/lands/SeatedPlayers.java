package dev.matchplane.lands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.matchplane.matching.rules.EnqueueCheck;
import dev.matchplane.matching.rules.LandRoster;
import dev.matchplane.matching.rules.PlayerData;
import dev.matchplane.matching.rules.PlayerDataCheck;
import dev.matchplane.matching.rules.RuleSet;
import dev.matchplane.ticket.PlayerInput;
import dev.matchplane.web.ErrorCode;
import dev.matchplane.web.FieldViolation;
import dev.matchplane.web.JsonRecords;
import dev.matchplane.web.ProblemException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The current players of a backfill request on a land under a rule set, checked as enqueue checks a ticket's
 * players: the same shapes (attributes, latencies 0-10000), the rule set's attribute types (400) and required
 * attributes (422 ATTRIBUTE_REQUIRED); and no team's current players plus its open slots beyond its maximum.
 */
@Component
class SeatedPlayers {

    private final JsonRecords records;

    SeatedPlayers(JsonRecords records) {
        this.records = records;
    }

    /** The players by id with their team; {@code body} has passed {@link BackfillBody#parse} for this land. */
    Map<String, LandRoster.SeatedPlayer> check(RuleSet set, BackfillBody request, JsonNode body) {
        JsonNode players = body.get("players");
        if (players == null || players.isNull()) {
            return Map.of();
        }
        List<FieldViolation> errors = new ArrayList<>();
        Map<String, PlayerData> data = new LinkedHashMap<>();
        Map<String, LandRoster.SeatedPlayer> seated = new LinkedHashMap<>();
        for (String playerId : players.propertyNames()) {
            ObjectNode reported = ((ObjectNode) players.get(playerId)).deepCopy();
            String team = reported.remove("team").asString();
            try {
                data.put(playerId, records.read(reported, PlayerInput.class).toPlayerData());
                seated.put(playerId, new LandRoster.SeatedPlayer(team, data.get(playerId)));
            }
            catch (ProblemException invalid) {
                invalid.violations().forEach(v -> errors.add(new FieldViolation("players." + playerId + "."
                        + v.field(), v.message())));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        refuse(PlayerDataCheck.checkSeated(set, data));
        checkRoom(set, request, seated);
        return seated;
    }

    private static void refuse(EnqueueCheck check) {
        if (check instanceof EnqueueCheck.Invalid invalid) {
            throw ProblemException.invalid(invalid.errors().stream()
                    .map(e -> new FieldViolation(e.field(), e.message())).toList());
        }
        if (check instanceof EnqueueCheck.AttributeRequired missing) {
            throw new ProblemException(ErrorCode.ATTRIBUTE_REQUIRED, "Player '" + missing.playerId()
                    + "' lacks attribute '" + missing.attribute() + "', which the land's rule set requires",
                    List.of(new FieldViolation("players." + missing.playerId() + ".attributes."
                            + missing.attribute(), "is required")));
        }
    }

    private static void checkRoom(RuleSet set, BackfillBody request, Map<String, LandRoster.SeatedPlayer> seated) {
        List<FieldViolation> errors = new ArrayList<>();
        set.teamMaxima().forEach((team, max) -> {
            long playing = seated.values().stream().filter(player -> player.team().equals(team)).count();
            int open = request.openSlots().getOrDefault(team, 0);
            if (playing + open > max) {
                errors.add(new FieldViolation(open > 0 ? "openSlots." + team : "players", "team '" + team
                        + "' holds at most " + max + " players: " + playing + " playing and " + open + " open"));
            }
        });
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
