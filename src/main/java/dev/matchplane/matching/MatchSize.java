package dev.matchplane.matching;

/** Placeholder until the matcher branch lands; replaced by its version. */
public final class MatchSize {

    private MatchSize() {
    }

    public static int fromQueueKey(String queueKey) {
        for (String segment : queueKey.split(":")) {
            String n = segment.matches("\\d{1,4}v\\d{1,4}") ? segment.substring(0, segment.indexOf('v'))
                    : segment.matches("\\d{1,4}") ? segment : null;
            if (n != null && Integer.parseInt(n) >= 1) {
                return Integer.parseInt(n);
            }
        }
        return 1;
    }
}
