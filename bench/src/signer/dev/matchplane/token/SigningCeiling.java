package dev.matchplane.token;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The signing ceiling of the drain scenario: how many match tokens per second this machine signs with the
 * production code ({@link JwsMatchTokens}, its pool of one thread per core) and the given algorithm, in batches
 * the size of a full tick (a 1,000-ticket window of a {@code :2} queue = 1,000 tokens). Lives in the token package
 * only to reach the package-private classes; compiled by bench/run.sh against the application jar, never part of
 * the application or its tests.
 */
public final class SigningCeiling {

    private SigningCeiling() {
    }

    /** Arguments: algorithm (RS256|ES256), measured seconds, warm-up seconds, tokens per batch. */
    public static void main(String[] args) {
        TokenAlgorithm algorithm = TokenAlgorithm.valueOf(args[0]);
        double seconds = Double.parseDouble(args[1]);
        double warmup = Double.parseDouble(args[2]);
        int batchSize = Integer.parseInt(args[3]);
        KeyPair pair = algorithm.generate();
        SigningKey key = SigningKey.of(algorithm, pair.getPrivate(), pair.getPublic());
        SigningKeys keys = new SigningKeys() {
            @Override
            public SigningKey active() {
                return key;
            }

            @Override
            public List<PublishedKey> published() {
                return List.of(key.published());
            }
        };
        TokenProperties properties = properties(algorithm);
        JwsMatchTokens tokens = new JwsMatchTokens(keys, properties);
        List<TokenClaims> batch = claims(batchSize);
        signFor(tokens, batch, warmup);
        long started = System.nanoTime();
        long signed = signFor(tokens, batch, seconds);
        double elapsed = (System.nanoTime() - started) / 1e9;
        tokens.destroy();
        System.out.printf("tokens_per_second=%.0f threads=%d algorithm=%s signed=%d seconds=%.2f%n", signed / elapsed,
                properties.signingThreads(), algorithm, signed, elapsed);
    }

    /**
     * The record's canonical constructor, called by component name with defaults for anything this class does not
     * know about, so that a new token setting does not break the benchmark's build.
     */
    private static TokenProperties properties(TokenAlgorithm algorithm) {
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

    private static long signFor(JwsMatchTokens tokens, List<TokenClaims> batch, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long signed = 0;
        while (System.nanoTime() < end) {
            signed += tokens.signAll(batch).size();
        }
        return signed;
    }

    private static List<TokenClaims> claims(int count) {
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
