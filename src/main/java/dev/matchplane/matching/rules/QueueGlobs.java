package dev.matchplane.matching.rules;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Queue-key patterns: {@code *} is any run of characters, everything else is literal. Among several matching
 * patterns the most specific wins: fewest {@code *}, then longest; then the rule set's name, so the choice never
 * depends on map order.
 */
public final class QueueGlobs {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:*-]{1,128}");

    private QueueGlobs() {
    }

    public static boolean isValid(String pattern) {
        return pattern != null && VALID.matcher(pattern).matches();
    }

    public static boolean matches(String pattern, String queueKey) {
        return matches(pattern, 0, queueKey, 0);
    }

    /** The name of the rule set governing {@code queueKey}, if any; {@code sets} maps names to rule sets. */
    public static Optional<String> select(Map<String, RuleSet> sets, String queueKey) {
        String bestName = null;
        String bestPattern = null;
        for (Map.Entry<String, RuleSet> entry : sets.entrySet()) {
            for (String pattern : entry.getValue().queues()) {
                if (!matches(pattern, queueKey)) {
                    continue;
                }
                if (bestPattern == null || SPECIFICITY.compare(pattern, bestPattern) < 0
                        || (SPECIFICITY.compare(pattern, bestPattern) == 0 && entry.getKey().compareTo(bestName) < 0)) {
                    bestName = entry.getKey();
                    bestPattern = pattern;
                }
            }
        }
        return Optional.ofNullable(bestName);
    }

    /** Smaller is more specific. */
    static final Comparator<String> SPECIFICITY = Comparator.comparingLong(QueueGlobs::stars)
            .thenComparing(Comparator.comparingInt(String::length).reversed());

    private static long stars(String pattern) {
        return pattern.chars().filter(c -> c == '*').count();
    }

    private static boolean matches(String pattern, int p, String key, int k) {
        // Iterative with one backtrack point: linear in practice, no regex built per key.
        int star = -1;
        int mark = 0;
        while (k < key.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = k;
            } else if (p < pattern.length() && pattern.charAt(p) == key.charAt(k)) {
                p++;
                k++;
            } else if (star >= 0) {
                p = star + 1;
                k = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
