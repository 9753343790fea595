package dev.matchplane.matching;

/** The shard's lock was lost (another instance holds it now); nothing was changed by the refused call. */
class FencedException extends RuntimeException {

    FencedException() {
        super("shard lock lost", null, false, false);
    }
}
