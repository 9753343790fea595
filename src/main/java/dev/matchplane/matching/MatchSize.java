package dev.matchplane.matching;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Derives the players per match from a queue key, as the compat API does (docs/rest-api.md, How tickets are matched). */
public final class MatchSize {

    // At most 4 digits per side: a longer number is a typo or an id, not a team size.
    private static final Pattern SEGMENT = Pattern.compile("([0-9]{1,4})(?:v[0-9]{1,4})?");

    private MatchSize() {
    }

    /**
     * Returns n from the first {@code :}-separated segment shaped {@code <n>v<m>} or {@code <n>} with
     * n >= 1, or 1 when no segment qualifies.
     */
    public static int fromQueueKey(String queueKey) {
        Objects.requireNonNull(queueKey, "queueKey");
        for (String segment : queueKey.split(":", -1)) {
            Matcher matcher = SEGMENT.matcher(segment);
            if (matcher.matches()) {
                int n = Integer.parseInt(matcher.group(1));
                if (n >= 1) {
                    return n;
                }
            }
        }
        return 1;
    }
}
