package dev.matchplane.matching;

/** The tick lock was lost (another instance holds it now); nothing was changed by the refused call. */
class FencedException extends RuntimeException {

    FencedException() {
        super("tick lock lost", null, false, false);
    }
}
