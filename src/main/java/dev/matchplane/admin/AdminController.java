package dev.matchplane.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.matchplane.provisioning.GameServer;
import dev.matchplane.provisioning.GameServerRegistry;
import dev.matchplane.provisioning.ProvisioningProperties;
import dev.matchplane.provisioning.RegisteredServer;
import dev.matchplane.system.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The operator endpoints of CONTRACT §7; bearer authentication, when configured, is checked before them. */
@RestController
@RequestMapping(path = "/v1/admin", produces = MediaType.APPLICATION_JSON_VALUE)
class AdminController {

    private final GameServerRegistry registry;
    private final QueueSummaries queues;
    private final Duration serverTtl;
    private final Clock clock;

    AdminController(GameServerRegistry registry, QueueSummaries queues, ProvisioningProperties provisioning,
            Clock clock) {
        this.registry = registry;
        this.queues = queues;
        this.serverTtl = provisioning.serverTtl();
        this.clock = clock;
    }

    @GetMapping("/servers")
    ServersResponse servers() {
        Instant now = clock.instant();
        return new ServersResponse(registry.servers().stream().map(s -> ServerView.of(s, now, serverTtl)).toList());
    }

    @GetMapping("/queue/summary")
    QueueSummaryResponse queueSummary() {
        SortedMap<String, Long> counts = queues.queuedCounts();
        Map<String, QueueCount> byQueueKey = new LinkedHashMap<>();
        counts.forEach((queueKey, count) -> byQueueKey.put(queueKey, new QueueCount(count)));
        return new QueueSummaryResponse(List.copyOf(counts.keySet()), byQueueKey);
    }

    record ServersResponse(List<ServerView> servers) {
    }

    /** One server as the earlier control plane listed it; optional fields are left out when unset. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ServerView(String serverId, String host, int port, String landType, @Nullable String connectHost,
            @Nullable Integer connectPort, @Nullable String connectScheme, @Nullable String region,
            @Nullable Integer capacity, String registeredAt, String lastSeenAt,
            @JsonProperty("isStale") boolean isStale) {

        static ServerView of(RegisteredServer registered, Instant now, Duration ttl) {
            GameServer s = registered.server();
            return new ServerView(s.serverId(), s.host(), s.port(), s.landType(), s.connectHost(), s.connectPort(),
                    s.connectScheme(), s.region(), s.capacity(), Timestamps.iso(registered.registeredAt()),
                    Timestamps.iso(registered.lastSeenAt()), registered.isStale(now, ttl));
        }
    }

    record QueueSummaryResponse(List<String> queueKeys, Map<String, QueueCount> byQueueKey) {
    }

    record QueueCount(long queuedCount) {
    }
}
