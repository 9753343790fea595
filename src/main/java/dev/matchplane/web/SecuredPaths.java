package dev.matchplane.web;

import java.util.List;

/**
 * Path prefixes a security chain protects (each bean adds its own, e.g. the client API while player tokens are on).
 * Spring Security's strict firewall guards requests under them; see {@link OpenSecurityConfiguration}.
 *
 * @param prefixes e.g. {@code /v1/matchmaking}: the prefix itself and everything below it
 */
public record SecuredPaths(List<String> prefixes) {

    public SecuredPaths {
        prefixes = List.copyOf(prefixes);
    }

    boolean covers(String path) {
        return prefixes.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }
}
