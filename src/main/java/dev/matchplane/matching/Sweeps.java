package dev.matchplane.matching;

/** What the sweeps at the end of a tick did: tickets expired, dead ticks' claims returned, dead servers forgotten. */
record Sweeps(int expired, int staleClaimsReturned, int deadServers) {

    static final Sweeps NONE = new Sweeps(0, 0, 0);

    Sweeps plus(Sweeps more) {
        return new Sweeps(expired + more.expired, staleClaimsReturned + more.staleClaimsReturned,
                deadServers + more.deadServers);
    }
}
