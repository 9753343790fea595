package example.gameserver;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * Matchplane's provisioning API (docs/game-server-integration.md). Registration doubles as the heartbeat, so the
 * same call runs at start and on every beat. JSON is written with the JSON helper bundled in nimbus-jose-jwt, so no second library is needed.
 */
final class MatchplaneClient {

    /** Short: a heartbeat that hangs longer than this would be better retried on the next beat. */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final Options options;

    MatchplaneClient(Options options) {
        this.options = options;
    }

    /** Registers (or heartbeats) this server as reachable on {@code port}; throws unless Matchplane answers 200. */
    void register(int port) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serverId", options.serverId());
        body.put("host", options.host());
        body.put("port", port);
        body.put("landType", options.landType());
        if (options.region() != null) {
            body.put("region", options.region());
        }
        if (options.capacity() != null) {
            body.put("capacity", options.capacity());
        }
        send(request("/v1/provisioning/servers/register").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSONObjectUtils.toJSONString(body))));
    }

    /** Removes this server, so no new land is placed here while it shuts down. */
    void deregister() throws IOException, InterruptedException {
        String id = URLEncoder.encode(options.serverId(), StandardCharsets.UTF_8);
        send(request("/v1/provisioning/servers/" + id).DELETE());
    }

    /** The game on this land ended: its capacity slot is free at once (an unknown or released land is fine too). */
    void releaseLand(String landId) throws IOException, InterruptedException {
        send(request("/v1/provisioning/lands/" + URLEncoder.encode(landId, StandardCharsets.UTF_8)).DELETE());
    }

    /** Asks for {@code slots} newcomers on this land (a queue without teams), or renews the open request. */
    void requestBackfill(String landId, int slots) throws IOException, InterruptedException {
        send(request("/v1/provisioning/lands/" + URLEncoder.encode(landId, StandardCharsets.UTF_8) + "/backfill")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"openSlots\":" + slots + "}")));
    }

    URL jwksUrl() {
        try {
            return URI.create(options.baseUrl() + "/.well-known/jwks.json").toURL();
        }
        catch (IOException ex) {
            throw new IllegalArgumentException("bad Matchplane URL " + options.matchplane(), ex);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(options.baseUrl() + path)).timeout(TIMEOUT);
        if (options.apiKey() != null) {
            builder.header("Authorization", "Bearer " + options.apiKey());
        }
        return builder;
    }

    /** The answer's body goes into the exception: it is Matchplane's problem+json naming what was wrong. */
    private void send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("Matchplane answered " + response.statusCode() + ": " + response.body());
        }
    }
}
