package dev.matchplane.token;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The signing ceiling of the drain scenario: how many match tokens per second this machine's JDK signs with the
 * given algorithm on one thread per core (the production default), in batches the size of a full tick (a
 * 1,000-ticket window of a {@code :2} queue = 1,000 tokens). Raw JDK cost: each thread keeps one
 * {@link Signature}, initialised once, and signs the signing inputs (header "." claims) of real tokens made once by
 * the production code, then base64url-encodes the signature and joins the token; no JWT library in the loop, so
 * the drain is compared with the cryptography itself, not with our code. Lives in the token package only to reach
 * the package-private classes; compiled by bench/run.sh against the application jar, never part of the application
 * or its tests.
 */
public final class SigningCeiling {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private SigningCeiling() {
    }

    /** Arguments: algorithm (RS256|ES256), measured seconds, warm-up seconds, tokens per batch. */
    public static void main(String[] args) throws Exception {
        TokenAlgorithm algorithm = TokenAlgorithm.valueOf(args[0]);
        double seconds = Double.parseDouble(args[1]);
        double warmup = Double.parseDouble(args[2]);
        int batchSize = Integer.parseInt(args[3]);
        KeyPair pair = algorithm.generate();
        SigningKey key = SigningKey.of(algorithm, pair.getPrivate(), pair.getPublic());
        TokenProperties properties = properties(algorithm);
        JwsMatchTokens tokens = new JwsMatchTokens(fixed(key), properties);
        List<byte[]> inputs = tokens.signAll(claims(batchSize)).stream()
                .map(token -> token.substring(0, token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII))
                .toList();
        tokens.destroy();
        int threads = properties.signingThreads();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        ThreadLocal<Signature> signatures = ThreadLocal.withInitial(() -> signature(algorithm, pair.getPrivate()));
        signFor(pool, signatures, inputs, threads, warmup);
        long started = System.nanoTime();
        long signed = signFor(pool, signatures, inputs, threads, seconds);
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        System.out.printf("tokens_per_second=%.0f threads=%d algorithm=%s signed=%d seconds=%.2f%n", signed / elapsed,
                threads, algorithm, signed, elapsed);
    }

    /** Batch after batch, each split into one chunk per thread, until the time is up. */
    private static long signFor(ExecutorService pool, ThreadLocal<Signature> signatures, List<byte[]> inputs,
            int threads, double seconds) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long signed = 0;
        int chunkSize = (inputs.size() + threads - 1) / threads;
        while (System.nanoTime() < end) {
            List<Future<Integer>> chunks = new ArrayList<>();
            for (int from = 0; from < inputs.size(); from += chunkSize) {
                List<byte[]> chunk = inputs.subList(from, Math.min(inputs.size(), from + chunkSize));
                chunks.add(pool.submit(() -> signChunk(signatures.get(), chunk)));
            }
            for (Future<Integer> chunk : chunks) {
                signed += chunk.get();
            }
        }
        return signed;
    }

    private static int signChunk(Signature signature, List<byte[]> chunk) throws GeneralSecurityException {
        int signed = 0;
        for (byte[] input : chunk) {
            signature.update(input);
            String token = new String(input, StandardCharsets.US_ASCII) + '.'
                    + BASE64URL.encodeToString(signature.sign());
            if (!token.isEmpty()) { // uses the token, so that the JIT keeps its assembly
                signed++;
            }
        }
        return signed;
    }

    /** The JDK algorithm behind each JWS one; ES256 wants the fixed-size R||S (P1363), not DER. */
    private static Signature signature(TokenAlgorithm algorithm, PrivateKey key) {
        try {
            Signature signature = Signature.getInstance(
                    algorithm == TokenAlgorithm.RS256 ? "SHA256withRSA" : "SHA256withECDSAinP1363Format");
            signature.initSign(key);
            return signature;
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static SigningKeys fixed(SigningKey key) {
        return new SigningKeys() {
            @Override
            public SigningKey active() {
                return key;
            }

            @Override
            public List<PublishedKey> published() {
                return List.of(key.published());
            }
        };
    }

    /**
     * The record's canonical constructor, called by component name with defaults for anything this class does not
     * know about, so that a new token setting does not break the benchmark's build.
     */
    static TokenProperties properties(TokenAlgorithm algorithm) {
        try {
            RecordComponent[] components = TokenProperties.class.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = switch (components[i].getName()) {
                    case "algorithm" -> algorithm;
                    case "issuer" -> "matchplane";
                    case "audience" -> "game-server";
                    default -> defaultFor(types[i]);
                };
            }
            Constructor<TokenProperties> canonical = TokenProperties.class.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        }
        catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("cannot build TokenProperties", ex);
        }
    }

    private static Object defaultFor(Class<?> type) {
        if (type == int.class) {
            return 0; // signing threads: one per core
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == Duration.class) {
            return Duration.ofHours(1);
        }
        return null;
    }

    static List<TokenClaims> claims(int count) {
        Instant now = Instant.now();
        Instant expiry = now.plusSeconds(3600);
        List<TokenClaims> claims = new ArrayList<>(count);
        for (int i = 0; i < count; i += 2) {
            String matchId = "match-" + id();
            String landId = "bench:" + UUID.randomUUID();
            for (int p = i; p < Math.min(count, i + 2); p++) {
                String assignmentId = "asg-" + id();
                claims.add(new TokenClaims(assignmentId, assignmentId, "player-" + p, landId, "srv-bench",
                        "ticket-" + id(), matchId, now, expiry));
            }
        }
        return claims;
    }

    private static String id() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 22);
    }
}
