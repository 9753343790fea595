package dev.matchplane.console;

import java.util.Locale;
import java.util.OptionalLong;

/** How the console prints figures: short, with units, and "—" where there is nothing to show. */
final class Display {

    static final String NONE = "—";

    private Display() {
    }

    /** 850 ms, 12.4 s, 3 m 05 s, 2 h 10 m. */
    static String duration(double millis) {
        if (Double.isNaN(millis)) {
            return NONE;
        }
        if (millis < 1_000) {
            return String.format(Locale.ROOT, "%.0f ms", millis);
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1_000);
        }
        long seconds = (long) (millis / 1_000);
        if (seconds < 3_600) {
            return String.format(Locale.ROOT, "%d m %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d m", seconds / 3_600, seconds % 3_600 / 60);
    }

    static String count(OptionalLong count) {
        return count.isPresent() ? Long.toString(count.getAsLong()) : NONE;
    }
}
