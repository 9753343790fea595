package dev.matchplane.provisioning;

import org.jspecify.annotations.Nullable;

/** The one place that builds a {@code connectUrl} (docs/rest-api.md). */
final class ConnectUrls {

    private static final int TLS_PORT = 443;

    private ConnectUrls() {
    }

    /**
     * {@code <scheme>://<host>:<port>/game/<landType>?landId=<landId>}: host, port and scheme from the connect*
     * fields, else host/port; the scheme defaults to wss on port 443, else ws; the port is always written.
     * landType and landId are limited to URL-safe characters by validation, so nothing needs escaping.
     */
    static String of(String host, int port, @Nullable String connectHost, @Nullable Integer connectPort,
            @Nullable String connectScheme, String landType, String landId) {
        String effectiveHost = connectHost != null ? connectHost : host;
        int effectivePort = connectPort != null ? connectPort : port;
        String scheme = connectScheme != null ? connectScheme : (effectivePort == TLS_PORT ? "wss" : "ws");
        return scheme + "://" + bracketed(effectiveHost) + ":" + effectivePort + "/game/" + landType + "?landId="
                + landId;
    }

    /** An IPv6 literal needs brackets in a URL, or its colons would read as the port separator. */
    private static String bracketed(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
