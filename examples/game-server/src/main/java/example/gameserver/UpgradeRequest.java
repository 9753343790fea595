package example.gameserver;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP/1.1 request that opens a WebSocket (RFC 6455 §4.2.1), parsed just enough to decide whether to upgrade.
 * The JDK has no WebSocket server, and this is all a game server needs of HTTP.
 *
 * @param method  e.g. {@code GET}
 * @param path    the decoded path, without the query
 * @param query   decoded query parameters (the first value of each name)
 * @param headers header values by lower-case name (the last value of each name)
 */
record UpgradeRequest(String method, String path, Map<String, String> query, Map<String, String> headers) {

    /** Far above what the JDK, browsers or engines send; bounds memory per connection before any token check. */
    private static final int MAX_HEAD_BYTES = 16 * 1024;

    /** Reads the request line and headers, up to the blank line; the stream is then at the first frame. */
    static UpgradeRequest read(InputStream in) throws IOException {
        String[] requestLine = readLine(in).split(" ");
        if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.1 request line");
        }
        Map<String, String> headers = new HashMap<>();
        int headBytes = 0;
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            headBytes += line.length();
            int colon = line.indexOf(':');
            if (colon <= 0 || headBytes > MAX_HEAD_BYTES) {
                throw new IOException("bad or oversized header");
            }
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        String target = requestLine[1];
        int question = target.indexOf('?');
        String path = decode(question < 0 ? target : target.substring(0, question));
        Map<String, String> query = question < 0 ? Map.of() : parseQuery(target.substring(question + 1));
        return new UpgradeRequest(requestLine[0], path, query, headers);
    }

    /** What RFC 6455 §4.2.1 requires of an opening handshake; anything else gets 400 and no upgrade. */
    boolean isWebSocketUpgrade() {
        return "GET".equals(method) && "websocket".equalsIgnoreCase(header("upgrade"))
                && header("connection").toLowerCase(Locale.ROOT).contains("upgrade")
                && "13".equals(header("sec-websocket-version")) && !header("sec-websocket-key").isEmpty();
    }

    /** The header's value, or an empty string when absent. */
    String header(String lowerCaseName) {
        return headers.getOrDefault(lowerCaseName, "");
    }

    /** The query parameter's value, or null when absent. */
    String query(String name) {
        return query.get(name);
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> query = new HashMap<>();
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            query.putIfAbsent(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
        }
        return query;
    }

    /** Clients may percent-encode the {@code :} of a landId; tokens are base64url and pass through unchanged. */
    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    /**
     * One CRLF-terminated line. The caller passes the buffered stream it goes on reading frames from, so bytes a
     * client sends right after its head are not lost.
     */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed during the handshake");
            }
            if (line.size() > MAX_HEAD_BYTES) {
                throw new IOException("header line too long");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
