package dev.matchplane.matching;

/** What the sweeps at the end of a tick did: tickets expired, dead ticks' claims returned, dead servers forgotten. */
record Sweeps(int expired, int staleClaimsReturned, int deadServers) {

    static final Sweeps NONE = new Sweeps(0, 0, 0);
}
