package dev.matchplane.matching;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A claimed match with its server and one assignment JSON per ticket, ready to be committed; the match id and the
 * connect URL go into the land record the commit writes (release and backfill act on it); {@code region}, where the
 * match plays if known, goes into the recent-matches list.
 */
record MatchCommit(ClaimedMatch match, String serverId, String landId, String matchId, String connectUrl,
        @Nullable String region, List<String> assignmentJsons) {
}
