package dev.matchplane.token;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.KeyPair;
import java.util.List;

/**
 * Signing cost of the production token code on one thread: {@link JwsMatchTokens#signAll} with lists shorter than
 * its parallel threshold, which it signs on the calling thread, so no pool or hand-off is measured. Compares two
 * versions of the token code (compile and run it against each one's classes); see docs/benchmarks.md. Prints tokens
 * per second of wall time and microseconds of this thread's CPU time per token (the steadier figure on a shared
 * machine).
 */
public final class SingleThreadSigning {

    static final int LIST_SIZE = 4;

    private SingleThreadSigning() {
    }

    /** Arguments: algorithm (RS256|ES256), warm-up seconds, measured seconds. */
    public static void main(String[] args) {
        TokenAlgorithm algorithm = TokenAlgorithm.valueOf(args[0]);
        double warmup = Double.parseDouble(args[1]);
        double seconds = Double.parseDouble(args[2]);
        KeyPair pair = algorithm.generate();
        SigningKey key = SigningKey.of(algorithm, pair.getPrivate(), pair.getPublic());
        JwsMatchTokens tokens = new JwsMatchTokens(SigningCeiling.fixed(key), SigningCeiling.properties(algorithm));
        List<TokenClaims> list = SigningCeiling.claims(LIST_SIZE);
        signFor(tokens, list, warmup);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        long signed = signFor(tokens, list, seconds);
        double elapsed = (System.nanoTime() - started) / 1e9;
        double cpuMicros = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e3;
        tokens.destroy();
        System.out.printf("algorithm=%s tokens_per_second=%.0f cpu_us_per_token=%.1f signed=%d seconds=%.2f%n",
                algorithm, signed / elapsed, cpuMicros / signed, signed, elapsed);
    }

    /** A ready signer for {@link SigningAb}: each run signs one list of {@value #LIST_SIZE} tokens. */
    public static Runnable signer(String algorithm) {
        TokenAlgorithm parsed = TokenAlgorithm.valueOf(algorithm);
        KeyPair pair = parsed.generate();
        SigningKey key = SigningKey.of(parsed, pair.getPrivate(), pair.getPublic());
        JwsMatchTokens tokens = new JwsMatchTokens(SigningCeiling.fixed(key), SigningCeiling.properties(parsed));
        List<TokenClaims> list = SigningCeiling.claims(LIST_SIZE);
        return () -> tokens.signAll(list);
    }

    private static long signFor(JwsMatchTokens tokens, List<TokenClaims> list, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long signed = 0;
        while (System.nanoTime() < end) {
            signed += tokens.signAll(list).size();
        }
        return signed;
    }
}
