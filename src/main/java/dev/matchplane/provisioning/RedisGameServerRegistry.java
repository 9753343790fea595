package dev.matchplane.provisioning;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.matchplane.redis.RedisKeys;
import dev.matchplane.redis.RedisPipelines;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@link GameServerRegistry} on Redis: a hash per server, heartbeats in sorted sets (all servers, and per landType),
 * lands per server in a sorted set scored by the time they stop counting. Every change is one Lua script.
 */
@Repository
@SuppressWarnings({ "rawtypes", "unchecked" })
class RedisGameServerRegistry implements GameServerRegistry {

    private static final Logger log = LoggerFactory.getLogger(RedisGameServerRegistry.class);

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final ProvisioningScripts scripts;
    private final Duration ttl;

    RedisGameServerRegistry(StringRedisTemplate redis, RedisKeys keys, ProvisioningScripts scripts,
            ProvisioningProperties properties) {
        this.redis = redis;
        this.keys = keys;
        this.scripts = scripts;
        this.ttl = properties.serverTtl();
    }

    @Override
    public boolean register(GameServer server, Instant now) {
        List<String> args = new ArrayList<>(List.of(keys.prefix(), server.serverId(), millis(now),
                server.landType()));
        args.addAll(ServerHashes.fields(server));
        Long registered = redis.execute(scripts.register(), List.of(keys.server(server.serverId()), keys.servers(),
                keys.serversOfLandType(server.landType())), args.toArray());
        return registered != null && registered == 1L;
    }

    @Override
    public boolean remove(String serverId) {
        Long removed = redis.execute(scripts.remove(),
                List.of(keys.server(serverId), keys.servers(), keys.lands(serverId)), keys.prefix(), serverId);
        return removed != null && removed == 1L;
    }

    @Override
    public List<RegisteredServer> servers() {
        List<String> ids = new ArrayList<>(redis.opsForZSet().range(keys.servers(), 0, -1));
        List<Object> hashes = RedisPipelines.run(redis,
                pipeline -> ids.forEach(id -> pipeline.opsForHash().entries(keys.server(id))));
        List<RegisteredServer> servers = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            ServerHashes.read(ids.get(i), (Map<String, String>) hashes.get(i)).ifPresent(servers::add);
        }
        servers.sort(Comparator.comparing(registered -> registered.server().serverId()));
        return servers;
    }

    @Override
    public Map<String, Long> landsInUse(List<String> serverIds, Instant now) {
        // a land's score is when it stops counting: only those ending after now are in use
        List<Object> counts = RedisPipelines.run(redis, pipeline -> serverIds.forEach(id -> pipeline.opsForZSet()
                .count(keys.lands(id), now.toEpochMilli() + 1, Double.POSITIVE_INFINITY)));
        Map<String, Long> inUse = new LinkedHashMap<>();
        for (int i = 0; i < serverIds.size(); i++) {
            inUse.put(serverIds.get(i), ((Number) counts.get(i)).longValue());
        }
        return inUse;
    }

    @Override
    public Instant liveSince(Instant now) {
        return now.minus(ttl);
    }

    @Override
    public List<Optional<Allocation>> allocate(List<AllocationRequest> requests, Instant now) {
        if (requests.isEmpty()) {
            return List.of();
        }
        List<String> scriptKeys = new ArrayList<>(requests.size());
        List<String> args = new ArrayList<>(3 + 5 * requests.size());
        args.addAll(List.of(keys.prefix(), millis(now), Long.toString(cutoff(now))));
        for (AllocationRequest request : requests) {
            scriptKeys.add(keys.serversOfLandType(request.landType()));
            args.addAll(List.of(request.landType(), request.region() == null ? "" : request.region(),
                    request.landId(), Long.toString(request.leaseUntilMillis()), request.regionRequired() ? "1" : "0"));
        }
        List<List<String>> reply = redis.execute(scripts.allocate(), scriptKeys, args.toArray());
        List<Optional<Allocation>> allocations = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            allocations.add(allocation(requests.get(i), reply.get(i)));
        }
        return allocations;
    }

    @Override
    public void release(List<Allocation> allocations) {
        if (allocations.isEmpty()) {
            return;
        }
        RedisPipelines.run(redis, pipeline -> allocations.forEach(
                allocation -> pipeline.opsForZSet().remove(keys.lands(allocation.serverId()), allocation.landId())));
    }

    @Override
    public int sweepDead(Instant now, int batch) {
        List<String> removed = redis.execute(scripts.sweep(), List.of(keys.servers()), keys.prefix(),
                Long.toString(cutoff(now)), Integer.toString(Math.max(1, batch)));
        if (!removed.isEmpty()) {
            log.info("Removed {} game server(s) silent for more than {}: '{}'", removed.size(), ttl,
                    String.join("', '", removed));
        }
        return removed.size();
    }

    /** Reply of the allocation script: {serverId, host, port, connectHost, connectPort, scheme, region}. */
    private static Optional<Allocation> allocation(AllocationRequest request, List<String> server) {
        if (server.isEmpty()) {
            return Optional.empty();
        }
        String url = ConnectUrls.of(server.get(1), Integer.parseInt(server.get(2)), emptyToNull(server.get(3)),
                server.get(4).isEmpty() ? null : Integer.valueOf(server.get(4)), emptyToNull(server.get(5)),
                request.landType(), request.landId());
        return Optional.of(new Allocation(server.get(0), request.landId(), url, emptyToNull(server.get(6))));
    }

    private long cutoff(Instant now) {
        return liveSince(now).toEpochMilli();
    }

    private static String millis(Instant instant) {
        return Long.toString(instant.toEpochMilli());
    }

    private static @Nullable String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
