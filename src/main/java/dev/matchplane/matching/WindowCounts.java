package dev.matchplane.matching;

/** What a window came to before signing: matches proposed, claimed, and claimed but left without a server. */
record WindowCounts(int proposed, int claimed, int withoutServer) {

    static final WindowCounts NONE = new WindowCounts(0, 0, 0);

    WindowCounts plus(WindowCounts more) {
        return new WindowCounts(proposed + more.proposed, claimed + more.claimed, withoutServer + more.withoutServer);
    }
}
