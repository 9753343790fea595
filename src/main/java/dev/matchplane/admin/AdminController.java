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
import dev.matchplane.matching.ShardDirectory;
import dev.matchplane.provisioning.GameServer;
import dev.matchplane.provisioning.GameServerRegistry;
import dev.matchplane.provisioning.ProvisioningProperties;
import dev.matchplane.provisioning.RegisteredServer;
import dev.matchplane.web.ErrorCode;
import dev.matchplane.web.ProblemCodes;
import dev.matchplane.system.Timestamps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The operator endpoints; bearer authentication, when configured, is checked before them. */
@RestController
@RequestMapping(path = "/v1/admin", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Operators")
@ProblemCodes(value = { ErrorCode.UNAUTHORIZED, ErrorCode.STORE_UNAVAILABLE }, optionalKey = ProblemCodes.ADMIN_KEY)
class AdminController {

    private final GameServerRegistry registry;
    private final QueueSummaries queues;
    private final Duration serverTtl;
    private final Clock clock;
    private final ShardDirectory shards;

    AdminController(GameServerRegistry registry, QueueSummaries queues, ProvisioningProperties provisioning,
            Clock clock, ShardDirectory shards) {
        this.shards = shards;
        this.registry = registry;
        this.queues = queues;
        this.serverTtl = provisioning.serverTtl();
        this.clock = clock;
    }

    @Operation(summary = "Registered game servers", description = "Every registered server, live or stale")
    @GetMapping("/servers")
    ServersResponse servers() {
        Instant now = clock.instant();
        List<RegisteredServer> servers = registry.servers();
        Map<String, Long> lands = registry.landsInUse(servers.stream().map(s -> s.server().serverId()).toList(), now);
        return new ServersResponse(servers.stream()
                .map(s -> ServerView.of(s, now, serverTtl, lands.getOrDefault(s.server().serverId(), 0L))).toList());
    }

    @Operation(summary = "Waiting tickets per queue", description = "Read from Redis: the same answer on every "
            + "instance")
    @GetMapping("/queue/summary")
    QueueSummaryResponse queueSummary() {
        SortedMap<String, Long> counts = queues.queuedCounts();
        Map<String, QueueCount> byQueueKey = new LinkedHashMap<>();
        counts.forEach((queueKey, count) -> byQueueKey.put(queueKey, new QueueCount(count)));
        return new QueueSummaryResponse(List.copyOf(counts.keySet()), byQueueKey);
    }

    @Operation(summary = "Shards and their holders", description = "Which instance holds which shard's lock, since "
            + "when and under which fencing token, and the instances that tick; read from Redis, the same answer on "
            + "every instance")
    @GetMapping("/shards")
    ShardsResponse shards() {
        ShardDirectory.Snapshot map = shards.read();
        return new ShardsResponse(map.shards().stream().map(ShardView::of).toList(),
                map.instances().stream().map(InstanceView::of).toList());
    }

    @Schema(description = "Shards in order, and the instances that tick")
    record ShardsResponse(List<ShardView> shards, List<InstanceView> instances) {
    }

    @Schema(description = "One shard; holder, since and fence are null while no instance holds it")
    record ShardView(@Schema(example = "0") int shard,
            @Schema(description = "Node id of the holding instance", example = "node-a") @Nullable String holder,
            @Schema(description = "When the holder took the shard", format = "date-time",
                    example = "2026-11-26T20:00:00.000Z") @Nullable String since,
            @Schema(description = "The holder's fencing token: grows with every change of hands", example = "12")
            @Nullable Long fence) {

        static ShardView of(ShardDirectory.Holding holding) {
            return new ShardView(holding.shard(), holding.holder(),
                    holding.since() == null ? null : Timestamps.iso(holding.since()), holding.fence());
        }
    }

    @Schema(description = "An instance that ticks (role all or queue-worker)")
    record InstanceView(@Schema(example = "node-a") String nodeId,
            @Schema(description = "Its last heartbeat", format = "date-time", example = "2026-11-26T20:00:00.000Z")
            String lastSeenAt,
            @Schema(description = "Heartbeat within matchmaking.lock-ttl: counted in the fair share", example = "true")
            boolean live,
            @Schema(description = "Shards it holds", example = "6") int shards) {

        static InstanceView of(ShardDirectory.Instance instance) {
            return new InstanceView(instance.nodeId(), Timestamps.iso(instance.lastSeenAt()), instance.live(),
                    instance.shards());
        }
    }

    @Schema(description = "Registered game servers")
    record ServersResponse(List<ServerView> servers) {
    }

    /** One server as the earlier control plane listed it; optional fields are left out when unset. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A registered game server; optional fields are left out when unset")
    record ServerView(@Schema(example = "gs-1") String serverId, @Schema(example = "10.0.0.5") String host,
            @Schema(example = "7777") int port, @Schema(example = "ranked") String landType,
            @Schema(description = OPTIONAL) @Nullable String connectHost,
            @Schema(description = OPTIONAL) @Nullable Integer connectPort,
            @Schema(description = OPTIONAL, allowableValues = { "ws", "wss" }) @Nullable String connectScheme,
            @Schema(description = OPTIONAL, example = "eu-west") @Nullable String region,
            @Schema(description = OPTIONAL) @Nullable Integer capacity,
            @Schema(format = "date-time", example = "2026-11-26T19:58:00.000Z") String registeredAt,
            @Schema(format = "date-time", example = "2026-11-26T20:00:00.000Z") String lastSeenAt,
            @Schema(description = "Last heartbeat older than `provisioning.server-ttl`", example = "false")
            @JsonProperty("isStale") boolean isStale,
            @Schema(description = "Lands counting against its capacity now (a released land stops at once)",
                    example = "3") long landsInUse) {

        private static final String OPTIONAL = "Only when registered with one";

        static ServerView of(RegisteredServer registered, Instant now, Duration ttl, long landsInUse) {
            GameServer s = registered.server();
            return new ServerView(s.serverId(), s.host(), s.port(), s.landType(), s.connectHost(), s.connectPort(),
                    s.connectScheme(), s.region(), s.capacity(), Timestamps.iso(registered.registeredAt()),
                    Timestamps.iso(registered.lastSeenAt()), registered.isStale(now, ttl), landsInUse);
        }
    }

    @Schema(description = "Waiting tickets per queue")
    record QueueSummaryResponse(
            @Schema(description = "Queues with waiting tickets, sorted", example = "[\"ranked:2v2\"]")
            List<String> queueKeys,
            @Schema(description = "Counts by queue key") Map<String, QueueCount> byQueueKey) {
    }

    @Schema(description = "One queue")
    record QueueCount(@Schema(description = "Tickets waiting in the queue", example = "3") long queuedCount) {
    }
}
