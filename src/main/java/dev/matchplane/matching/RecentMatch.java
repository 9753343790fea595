package dev.matchplane.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.matchplane.matching.rules.SkillSpread;
import org.jspecify.annotations.Nullable;

/**
 * A committed match as the recent-matches list keeps it (docs/operations.md, keys): written as compact JSON by the
 * same script call that commits the match, so the list never shows a match that did not commit, and read by the
 * console. It holds who played where, never a token. {@code committedAt} is epoch millis; {@code region} the region
 * the land went to (the latency rule's, else the server's), if any; {@code backfill} true for tickets filled into an
 * existing land, absent for a new match.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecentMatch(String matchId, String queueKey, long committedAt, String landId, String serverId,
        @Nullable String region, List<Party> tickets, @Nullable SkillSpread skillSpread, @Nullable Boolean backfill) {

    public RecentMatch {
        tickets = List.copyOf(tickets);
    }

    /** One ticket of the match: its players and, under a rule set, its team. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Party(String ticketId, List<String> members, @Nullable String team) {

        public Party {
            members = List.copyOf(members);
        }
    }

    /** The summary of a new match about to be committed at {@code now}. */
    static RecentMatch of(MatchCommit commit, Instant now) {
        ClaimedMatch match = commit.match();
        List<Party> parties = new ArrayList<>(match.tickets().size());
        for (ClaimedTicket ticket : match.tickets()) {
            parties.add(new Party(ticket.ticketId(), ticket.members(),
                    match.layout() == null ? null : match.layout().teamByTicket().get(ticket.ticketId())));
        }
        return new RecentMatch(commit.matchId(), match.queueKey(), now.toEpochMilli(), commit.landId(),
                commit.serverId(), commit.region(), parties,
                match.layout() == null ? null : match.layout().skillSpread(), null);
    }

    /**
     * The summary of tickets about to be filled into an existing land (one backfill request): its match, with every
     * ticket offered; backfill-fill.lua keeps only those it does fill.
     */
    static RecentMatch backfilled(Backfills.Fill fill, Instant now) {
        Backfills.OpenRequest request = fill.request();
        List<Party> parties = new ArrayList<>(fill.tickets().size());
        for (Backfills.Filled filled : fill.tickets()) {
            ClaimedTicket ticket = filled.claim().oldest();
            parties.add(new Party(ticket.ticketId(), ticket.members(), filled.team()));
        }
        return new RecentMatch(request.matchId(), request.queueKey(), now.toEpochMilli(), request.landId(),
                request.land().serverId(), request.region() != null ? request.region() : request.land().serverRegion(),
                parties, null, Boolean.TRUE);
    }
}
