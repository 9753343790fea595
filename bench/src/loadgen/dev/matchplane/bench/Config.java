package dev.matchplane.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The load generator's settings, given by run.sh as key=value arguments. */
final class Config {

    private final Map<String, String> values = new HashMap<>();

    Config(String[] args) {
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("expected key=value, got " + arg);
            }
            values.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
    }

    String get(String key, String fallback) {
        String value = values.get(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    String require(String key) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing " + key + "=...");
        }
        return value;
    }

    int integer(String key, int fallback) {
        return Integer.parseInt(get(key, Integer.toString(fallback)));
    }

    double decimal(String key, double fallback) {
        return Double.parseDouble(get(key, Double.toString(fallback)));
    }

    Duration seconds(String key, int fallback) {
        return Duration.ofMillis(Math.round(decimal(key, fallback) * 1000));
    }

    List<String> list(String key, String fallback) {
        return Arrays.stream(get(key, fallback).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    URI base() {
        return URI.create(require("base"));
    }

    String host() {
        return base().getHost();
    }

    int port() {
        return base().getPort();
    }

    String phase() {
        return get("phase", "main");
    }

    Path parts() {
        return Path.of(require("parts"));
    }

    /** A short random tag so that queue keys and player ids of one run never meet another's. */
    static String tag() {
        return Long.toString(System.nanoTime() & 0xffffffL, 36) + Integer.toString((int) (Math.random() * 1296), 36);
    }
}
