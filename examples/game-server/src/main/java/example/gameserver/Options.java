package example.gameserver;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line settings. {@link #parse} reports every missing or bad option at once, so a typo costs one restart.
 *
 * @param matchplane  base URL of Matchplane, e.g. {@code http://localhost:3000} (a path prefix such as
 *                    {@code /match} behind a load balancer is kept)
 * @param serverId    this server's id, unique in the fleet
 * @param landType    the lands this server hosts: queue keys {@code <landType>:…} are matched onto it
 * @param host        the host players connect to (written into their connectUrl)
 * @param port        the port to listen on and register; 0 picks a free port, which is then registered
 * @param region      preferred by players queueing with the same region; null for none
 * @param capacity    most concurrent lands Matchplane may place here; null for unlimited
 * @param apiKey      sent as {@code Authorization: Bearer} when Matchplane sets {@code PROVISIONING_API_KEY}; null
 *                    for none
 * @param bind        the local address to listen on ({@code 0.0.0.0}: every interface)
 * @param heartbeat   how often registration is repeated; Matchplane forgets a server silent for 90 s by default
 * @param issuer      expected {@code iss} of match tokens (Matchplane's {@code TOKEN_ISSUER})
 * @param audience    expected {@code aud} of match tokens (Matchplane's {@code TOKEN_AUDIENCE})
 */
public record Options(URI matchplane, String serverId, String landType, String host, int port, String region,
        Integer capacity, String apiKey, String bind, Duration heartbeat, String issuer, String audience) {

    public static final String USAGE = "usage: java -jar game-server.jar --matchplane <url> --server-id <id>"
            + " --land-type <type> --host <host> --port <port> [--region <r>] [--capacity <n>] [--api-key <key>]"
            + " [--bind <address>] [--heartbeat-seconds <s>] [--issuer <iss>] [--audience <aud>]";

    private static final Set<String> KNOWN = Set.of("matchplane", "server-id", "land-type", "host", "port", "region",
            "capacity", "api-key", "bind", "heartbeat-seconds", "issuer", "audience");

    /** Accepts {@code --name value} and {@code --name=value}. */
    public static Options parse(String... args) {
        Map<String, String> values = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") ? arg.substring(2, equals > 0 ? equals : arg.length()) : "";
            if (!KNOWN.contains(name)) {
                problems.add("unknown option '" + (equals > 0 ? arg.substring(0, equals) : arg) + "'");
            }
            else if (equals > 0) {
                values.put(name, arg.substring(equals + 1));
            }
            else if (i + 1 < args.length) {
                values.put(name, args[++i]);
            }
            else {
                problems.add("--" + name + " needs a value");
            }
        }
        Reader reader = new Reader(values, problems);
        URI matchplane = reader.uri("matchplane");
        String serverId = reader.required("server-id");
        String landType = reader.required("land-type");
        String host = reader.required("host");
        Integer port = reader.requiredInteger("port", 0, 65535);
        Integer capacity = reader.optionalInteger("capacity", 1, Integer.MAX_VALUE);
        Integer heartbeat = reader.optionalInteger("heartbeat-seconds", 1, 3600);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new Options(matchplane, serverId, landType, host, port, values.get("region"), capacity,
                values.get("api-key"), values.getOrDefault("bind", "0.0.0.0"),
                Duration.ofSeconds(heartbeat == null ? 30 : heartbeat), values.getOrDefault("issuer", "matchplane"),
                values.getOrDefault("audience", "game-server"));
    }

    /** The base URL without a trailing slash, so paths can simply be appended. */
    String baseUrl() {
        String url = matchplane.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Records print every component; the API key must never reach a log line. */
    @Override
    public String toString() {
        return "Options[matchplane=" + matchplane + ", serverId=" + serverId + ", landType=" + landType + ", host="
                + host + ", port=" + port + ", region=" + region + ", capacity=" + capacity + ", apiKey="
                + (apiKey == null ? "unset" : "(set)") + ", bind=" + bind + ", heartbeat=" + heartbeat + "]";
    }

    /** Collects problems instead of throwing, so the caller can name them all. */
    private record Reader(Map<String, String> values, List<String> problems) {

        String required(String name) {
            String value = values.get(name);
            if (value == null || value.isBlank()) {
                problems.add("--" + name + " is required");
                return null;
            }
            return value;
        }

        URI uri(String name) {
            String value = required(name);
            if (value == null) {
                return null;
            }
            try {
                URI uri = URI.create(value);
                if ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) {
                    return uri;
                }
            }
            catch (IllegalArgumentException ex) {
                // reported below
            }
            problems.add("--" + name + " must be an http(s) URL");
            return null;
        }

        Integer requiredInteger(String name, int min, int max) {
            String value = required(name);
            return value == null ? null : integer(name, value, min, max);
        }

        Integer optionalInteger(String name, int min, int max) {
            String value = values.get(name);
            return value == null ? null : integer(name, value, min, max);
        }

        private Integer integer(String name, String value, int min, int max) {
            try {
                int number = Integer.parseInt(value.trim());
                if (number >= min && number <= max) {
                    return number;
                }
            }
            catch (NumberFormatException ex) {
                // reported below
            }
            problems.add("--" + name + " must be an integer from " + min + " to " + max);
            return null;
        }
    }
}
