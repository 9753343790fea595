package dev.matchplane.provisioning;

import org.jspecify.annotations.Nullable;

/**
 * What a game server says about itself when it registers or sends a heartbeat (docs/rest-api.md, Game servers).
 *
 * @param connectHost   host clients connect to when it differs from {@code host} (behind a proxy or NAT)
 * @param connectPort   port clients connect to when it differs from {@code port}
 * @param connectScheme {@code ws} or {@code wss}; unset: {@code wss} on port 443, else {@code ws}
 * @param region        region the server runs in; tickets that prefer it are placed here first
 * @param capacity      most lands the server runs at once; unset: unlimited
 */
public record GameServer(String serverId, String host, int port, String landType, @Nullable String connectHost,
        @Nullable Integer connectPort, @Nullable String connectScheme, @Nullable String region,
        @Nullable Integer capacity) {

    /** Where a client joins a land on this server, exactly as docs/rest-api.md describes {@code connectUrl}. */
    public String connectUrl(String landId) {
        return ConnectUrls.of(host, port, connectHost, connectPort, connectScheme, landType, landId);
    }
}
