package dev.matchplane.matching;

import java.util.List;

/** A claimed match with its server and one assignment JSON per ticket, ready to be committed. */
record MatchCommit(ClaimedMatch match, String serverId, String landId, List<String> assignmentJsons) {
}
