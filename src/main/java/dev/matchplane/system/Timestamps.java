package dev.matchplane.system;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times on the wire are ISO-8601 UTC with milliseconds (docs/rest-api.md), whatever the JSON library prefers. */
public final class Timestamps {

    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String iso(Instant instant) {
        return ISO_MILLIS.format(instant);
    }

    public static String iso(long epochMillis) {
        return iso(Instant.ofEpochMilli(epochMillis));
    }
}
