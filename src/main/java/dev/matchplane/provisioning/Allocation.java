package dev.matchplane.provisioning;

/** A land reserved on a game server; {@code connectUrl} is the assignment's (docs/rest-api.md), without the token. */
public record Allocation(String serverId, String landId, String connectUrl) {
}
