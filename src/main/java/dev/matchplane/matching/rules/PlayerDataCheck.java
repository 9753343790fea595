package dev.matchplane.matching.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks a ticket's player data against the rule set in force at enqueue. Order: type errors (400) first, then
 * a party no team can hold, then the first missing required attribute (members in order, attributes by name).
 */
public final class PlayerDataCheck {

    private PlayerDataCheck() {
    }

    public static EnqueueCheck check(RuleSet set, List<String> members, Map<String, PlayerData> players) {
        List<EnqueueCheck.FieldError> errors = typeErrors(set, members, players);
        if (!errors.isEmpty()) {
            return new EnqueueCheck.Invalid(errors);
        }
        int largestTeam = set.teams().stream().mapToInt(RuleSet.Team::max).max().orElse(0);
        if (members.size() > largestTeam) {
            return new EnqueueCheck.PartyTooLarge(members.size(), largestTeam);
        }
        return firstMissing(set, members, players);
    }

    /**
     * The players already on a land, as a backfill request reports them: the same type and required-attribute
     * checks as at enqueue, without a party (each player is one), so no party size applies.
     */
    public static EnqueueCheck checkSeated(RuleSet set, Map<String, PlayerData> players) {
        List<String> ids = new ArrayList<>(players.keySet());
        List<EnqueueCheck.FieldError> errors = typeErrors(set, ids, players);
        return errors.isEmpty() ? firstMissing(set, ids, players) : new EnqueueCheck.Invalid(errors);
    }

    private static EnqueueCheck firstMissing(RuleSet set, List<String> members, Map<String, PlayerData> players) {
        Map<String, RuleSet.Attribute> byName = new TreeMap<>(set.attributes());
        for (String member : members) {
            PlayerData data = players.getOrDefault(member, PlayerData.NONE);
            for (Map.Entry<String, RuleSet.Attribute> declared : byName.entrySet()) {
                if (declared.getValue().defaultValue() == null && !data.attributes().containsKey(declared.getKey())) {
                    return new EnqueueCheck.AttributeRequired(member, declared.getKey());
                }
            }
        }
        return new EnqueueCheck.Accepted();
    }

    private static List<EnqueueCheck.FieldError> typeErrors(RuleSet set, List<String> members,
            Map<String, PlayerData> players) {
        List<EnqueueCheck.FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, PlayerData> player : new TreeMap<>(players).entrySet()) {
            if (!members.contains(player.getKey())) {
                errors.add(new EnqueueCheck.FieldError("players." + player.getKey(), "not a member of the ticket"));
                continue;
            }
            for (Map.Entry<String, AttributeValue> value : new TreeMap<>(player.getValue().attributes()).entrySet()) {
                RuleSet.Attribute declared = set.attributes().get(value.getKey());
                if (declared != null && !declared.type().equals(value.getValue().type())) {
                    errors.add(new EnqueueCheck.FieldError(
                            "players." + player.getKey() + ".attributes." + value.getKey(),
                            "must be a " + declared.type()));
                }
            }
        }
        return errors;
    }
}
