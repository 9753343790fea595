package dev.matchplane.matching;

/** Matches a tick committed, and those the commit refused (a ticket was cancelled or expired meanwhile). */
record Commits(int committed, int refused) {

    static final Commits NONE = new Commits(0, 0);

    Commits plus(Commits more) {
        return new Commits(committed + more.committed, refused + more.refused);
    }
}
