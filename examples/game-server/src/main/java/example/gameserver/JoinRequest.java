package example.gameserver;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * What a player's handshake asks for: {@code /game/<landType>?landId=…&token=…}, the request target of its
 * {@code connectUrl} plus the token. Java-WebSocket hands over the raw target; this splits and decodes it.
 *
 * @param path    the decoded path, without the query
 * @param landId  the land the player asks to join, or null when absent
 * @param token   the match token, or null when absent
 */
record JoinRequest(String path, String landId, String token) {

    static JoinRequest parse(String requestTarget) {
        int question = requestTarget.indexOf('?');
        String path = decode(question < 0 ? requestTarget : requestTarget.substring(0, question));
        Map<String, String> query = question < 0 ? Map.of() : parseQuery(requestTarget.substring(question + 1));
        return new JoinRequest(path, query.get("landId"), query.get("token"));
    }

    /** The landId as it may be logged: it comes from the client, and control characters could forge log lines. */
    String loggableLandId() {
        return landId == null ? "<none>" : landId.replaceAll("\\p{Cntrl}", "?");
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
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            // A broken %-escape: keep the raw text, which then matches no path and no signed landId.
            return value;
        }
    }
}
