package dev.matchplane.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.matchplane.matching.RecentMatch;
import org.jspecify.annotations.Nullable;

/**
 * One row of the recent-matches page: a committed match with its players grouped by team (parties kept together),
 * read by the template through its public methods.
 */
record RecentMatchRow(RecentMatch match, long agoMs) {

    /** One team's parties, each party's members joined; {@code team} null for a match without teams. */
    record TeamLine(@Nullable String team, List<String> parties) {
    }

    public String ago() {
        return Display.duration(agoMs) + " ago";
    }

    public String committedAt() {
        return Instant.ofEpochMilli(match.committedAt()).toString();
    }

    public List<TeamLine> teams() {
        Map<String, List<String>> byTeam = new LinkedHashMap<>();
        for (RecentMatch.Party party : match.tickets()) {
            byTeam.computeIfAbsent(party.team() == null ? "" : party.team(), team -> new ArrayList<>())
                    .add(String.join(" + ", party.members()));
        }
        List<TeamLine> lines = new ArrayList<>(byTeam.size());
        byTeam.forEach((team, parties) -> lines.add(new TeamLine(team.isEmpty() ? null : team, parties)));
        return lines;
    }

    public int players() {
        return match.tickets().stream().mapToInt(party -> party.members().size()).sum();
    }

    public String regionText() {
        return match.region() == null ? Display.NONE : match.region();
    }

    /** "skill 40", or "—" outside a rule set with a distance rule. */
    public String skillSpreadText() {
        if (match.skillSpread() == null) {
            return Display.NONE;
        }
        double value = match.skillSpread().value();
        String number = value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
        return match.skillSpread().attribute() + " " + number;
    }

    public boolean backfill() {
        return Boolean.TRUE.equals(match.backfill());
    }
}
