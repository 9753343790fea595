package dev.matchplane.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Signs a batch in slices of about {@link SliceSizer#TARGET_MILLIS} of signing each. All slices are queued on the
 * signing threads at once, behind each other, so those threads never wait for the tick thread, which commits
 * finished slices meanwhile; the first players are pushed their match after one slice rather than the whole window.
 */
final class SliceSigning {

    /** The matches of a batch up to index {@code end} (exclusive, after the slice before), and their signing. */
    record Slice(int end, Future<List<MatchCommit>> signing) {
    }

    /** A batch's placed matches with all their slices queued for signing. */
    record Signing(Placements placed, Instant expiry, List<Slice> slices) {
    }

    private final AssignmentFactory assignments;
    private final SliceSizer sizer = new SliceSizer();

    SliceSigning(AssignmentFactory assignments) {
        this.assignments = assignments;
    }

    Signing queue(Placements placed, Instant now, Instant expiry) {
        List<Slice> queued = new ArrayList<>();
        for (int from = 0; from < placed.size();) {
            int to = sizer.end(placed.matches(), from);
            queued.add(new Slice(to, signAhead(placed.range(from, to), now, expiry)));
            from = to;
        }
        return new Signing(placed, expiry, queued);
    }

    /**
     * Starts signing a slice. Cancelling the returned future also cancels the signing of the slice's chunks that
     * have not started.
     */
    private Future<List<MatchCommit>> signAhead(Placements slice, Instant now, Instant expiry) {
        AssignmentFactory.Prepared prepared = assignments.prepare(slice.matches(), slice.lands(), now, expiry);
        long queued = System.nanoTime();
        CompletableFuture<List<String>> tokens = assignments.sign(prepared);
        CompletableFuture<List<MatchCommit>> signed = tokens.thenApply(signedTokens -> {
            sizer.signed(slice.matches(), queued, System.nanoTime());
            // on the signing thread, which is done with this slice: the tick thread only commits
            return assignments.assemble(prepared, signedTokens);
        });
        signed.whenComplete((result, failure) -> {
            if (signed.isCancelled()) {
                tokens.cancel(false);
            }
        });
        return signed;
    }

    /** The slice's assignments, once signed; a failure is rethrown as it came, as if the tick thread had signed. */
    static List<MatchCommit> await(Slice slice) {
        try {
            return slice.signing().get();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signing a slice", ex);
        }
        catch (ExecutionException ex) {
            // an Error must not be taken for a failure that hands the slice back (see the crash test)
            if (ex.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (ex.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("signing a slice failed", ex.getCause());
        }
    }

    /** Tokens of a slice that is not committed are never stored or sent anywhere: dropping them is enough. */
    static void drop(List<Slice> slices) {
        slices.forEach(slice -> slice.signing().cancel(false));
    }
}
