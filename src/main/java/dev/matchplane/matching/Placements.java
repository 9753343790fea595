package dev.matchplane.matching;

import java.util.List;

import dev.matchplane.provisioning.Allocation;

/** Claimed matches and the land each one was given, index for index. */
record Placements(List<ClaimedMatch> matches, List<Allocation> lands) {

    static final Placements NONE = new Placements(List.of(), List.of());

    boolean isEmpty() {
        return matches.isEmpty();
    }

    int size() {
        return matches.size();
    }

    Placements range(int from, int to) {
        return new Placements(matches.subList(from, to), lands.subList(from, to));
    }

    Placements from(int from) {
        return range(from, size());
    }
}
