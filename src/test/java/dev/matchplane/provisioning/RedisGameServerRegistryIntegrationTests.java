package dev.matchplane.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.matchplane.support.IntegrationTest;
import dev.matchplane.redis.RedisKeys;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The registry against real Redis, with time passed in rather than slept through. Its own context (explicit TTL),
 * and times far in the future, so that neither other tests' servers nor a running tick's sweep interfere.
 */
@TestPropertySource(properties = "provisioning.server-ttl=60s")
class RedisGameServerRegistryIntegrationTests extends IntegrationTest {

    private static final Duration TTL = Duration.ofSeconds(60);
    private static final Instant T0 = Instant.now().plus(1000, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);

    @Autowired
    private GameServerRegistry registry;

    @Autowired
    private RedisKeys keys;

    @Test
    void allocatePrefersServerInRequestedRegionEvenWhenMoreLoaded() {
        String landType = unique("arena");
        registry.register(server("a-us", landType, "us", null), T0);
        registry.register(server("b-eu", landType, "eu", null), T0);
        allocateOne(landType, "eu", T0);

        Optional<Allocation> again = allocateOne(landType, "eu", T0);

        assertThat(again).map(Allocation::serverId).contains(id("b-eu", landType));
    }

    @Test
    void allocateWithoutRegionPrefersLeastLoadedThenSmallestId() {
        String landType = unique("arena");
        registry.register(server("a", landType, "eu", null), T0);
        assertThat(allocateOne(landType, null, T0)).map(Allocation::serverId).contains(id("a", landType));
        assertThat(allocateOne(landType, null, T0)).map(Allocation::serverId).contains(id("a", landType));
        registry.register(server("c", landType, "eu", null), T0);
        registry.register(server("b", landType, "eu", null), T0);

        assertThat(allocateOne(landType, null, T0)).map(Allocation::serverId).contains(id("b", landType));
        assertThat(allocateOne(landType, null, T0)).map(Allocation::serverId).contains(id("c", landType));
    }

    @Test
    void allocateCountsLandsReservedEarlierInTheSameCall() {
        String landType = unique("arena");
        registry.register(server("a", landType, null, null), T0);
        registry.register(server("b", landType, null, null), T0);

        List<Optional<Allocation>> result = registry.allocate(
                List.of(request(landType, null, T0), request(landType, null, T0), request(landType, null, T0),
                        request(landType, null, T0)), T0);

        assertThat(result).extracting(a -> a.orElseThrow().serverId())
                .containsExactly(id("a", landType), id("b", landType), id("a", landType), id("b", landType));
        assertThat(redis.opsForZSet().zCard(keys.lands(id("a", landType)))).isEqualTo(2);
    }

    @Test
    void allocateRespectsCapacityUntilTheLeasePasses() {
        String landType = unique("arena");
        registry.register(server("solo", landType, null, 1), T0);
        AllocationRequest first = new AllocationRequest(landType, null, landId(landType),
                T0.plusSeconds(30).toEpochMilli());
        assertThat(registry.allocate(List.of(first), T0).get(0)).isPresent();

        assertThat(allocateOne(landType, null, T0.plusSeconds(29))).isEmpty();
        assertThat(allocateOne(landType, null, T0.plusSeconds(30))).isPresent();
    }

    @Test
    void allocateRespectsCapacityUntilReleased() {
        String landType = unique("arena");
        registry.register(server("solo", landType, null, 1), T0);
        Allocation first = allocateOne(landType, null, T0).orElseThrow();
        assertThat(allocateOne(landType, null, T0)).isEmpty();

        registry.release(List.of(first));

        assertThat(allocateOne(landType, null, T0)).map(Allocation::serverId).contains(id("solo", landType));
    }

    @Test
    void allocateInOneCallStopsAtCapacityAndKeepsRequestOrder() {
        String landType = unique("arena");
        String other = unique("arena");
        registry.register(server("solo", landType, null, 1), T0);

        List<Optional<Allocation>> result = registry.allocate(
                List.of(request(landType, null, T0), request(other, null, T0), request(landType, null, T0)), T0);

        assertThat(result.get(0)).isPresent();
        assertThat(result.get(1)).isEmpty();
        assertThat(result.get(2)).isEmpty();
    }

    @Test
    void allocateNeverChoosesStaleServer() {
        String landType = unique("arena");
        registry.register(server("a-stale", landType, "eu", null), T0);
        registry.register(server("b-live", landType, "us", null), T0.plusSeconds(30));
        Instant now = T0.plus(TTL).plusSeconds(1);

        assertThat(allocateOne(landType, "eu", now)).map(Allocation::serverId).contains(id("b-live", landType));
        assertThat(allocateOne(landType, null, now.plusSeconds(30))).isEmpty();
    }

    @Test
    void serverAtExactlyTheTtlIsStillLive() {
        String landType = unique("arena");
        registry.register(server("edge", landType, null, null), T0);

        assertThat(allocateOne(landType, null, T0.plus(TTL))).isPresent();
        assertThat(allocateOne(landType, null, T0.plus(TTL).plusMillis(1))).isEmpty();
    }

    @Test
    void serversHeartbeatingSinceNowLessTheTtlAreLive() {
        assertThat(registry.liveSince(T0)).isEqualTo(T0.minus(TTL));
    }

    @Test
    void heartbeatWithAnotherLandTypeMovesTheServer() {
        String before = unique("before");
        String after = unique("after");
        registry.register(server("mover", before, null, null), T0);

        registry.register(new GameServer(id("mover", before), "10.0.0.1", 7777, after, null, null, null, null, null),
                T0.plusSeconds(1));

        assertThat(allocateOne(before, null, T0.plusSeconds(1))).isEmpty();
        assertThat(allocateOne(after, null, T0.plusSeconds(1))).map(Allocation::serverId)
                .contains(id("mover", before));
    }

    @Test
    void removedServerIsNeverChosenAndItsKeysAreGone() {
        String landType = unique("arena");
        String serverId = id("gone", landType);
        registry.register(server("gone", landType, null, null), T0);
        allocateOne(landType, null, T0);

        assertThat(registry.remove(serverId)).isTrue();

        assertThat(allocateOne(landType, null, T0)).isEmpty();
        assertThat(redis.hasKey(keys.server(serverId))).isFalse();
        assertThat(redis.hasKey(keys.lands(serverId))).isFalse();
        assertThat(redis.opsForZSet().score(keys.servers(), serverId)).isNull();
        assertThat(registry.remove(serverId)).isFalse();
    }

    /** The only test that registers servers at earlier times, so that its sweep sees no other test's server dead. */
    @Test
    void sweepDeadRemovesOnlyDeadServersInBoundedBatches() {
        Instant start = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        String landType = unique("sweep");
        List<String> dead = List.of(id("dead1", landType), id("dead2", landType), id("dead3", landType));
        dead.forEach(serverId -> registry.register(
                new GameServer(serverId, "10.0.0.9", 7777, landType, null, null, null, null, null), start));
        registry.register(server("live", landType, null, null), start.plus(TTL));
        allocateOne(landType, null, start);
        Instant now = start.plus(TTL).plusMillis(1);

        assertThat(registry.sweepDead(now, 2)).isEqualTo(2);
        assertThat(registry.sweepDead(now, 2)).isEqualTo(1);
        assertThat(registry.sweepDead(now, 2)).isZero();

        for (String serverId : dead) {
            assertThat(redis.hasKey(keys.server(serverId))).isFalse();
            assertThat(redis.hasKey(keys.lands(serverId))).isFalse();
            assertThat(redis.opsForZSet().score(keys.servers(), serverId)).isNull();
            assertThat(redis.opsForZSet().score(keys.serversOfLandType(landType), serverId)).isNull();
        }
        assertThat(registry.servers()).extracting(s -> s.server().serverId()).contains(id("live", landType));
        assertThat(allocateOne(landType, null, now)).map(Allocation::serverId).contains(id("live", landType));
    }

    @Test
    void connectUrlUsesHostAndPortWithWsByDefault() {
        assertThat(connectUrlOf("game.example", 7777, null, null, null))
                .isEqualTo("ws://game.example:7777/game/%s?landId=%s");
    }

    @Test
    void connectUrlPrefersConnectFields() {
        assertThat(connectUrlOf("10.0.0.5", 7777, "play.example", 9443, "wss"))
                .isEqualTo("wss://play.example:9443/game/%s?landId=%s");
        assertThat(connectUrlOf("10.0.0.5", 7777, "play.example", null, null))
                .isEqualTo("ws://play.example:7777/game/%s?landId=%s");
    }

    @Test
    void connectUrlDefaultsToWssOnPort443AndAlwaysWritesThePort() {
        assertThat(connectUrlOf("game.example", 443, null, null, null))
                .isEqualTo("wss://game.example:443/game/%s?landId=%s");
        assertThat(connectUrlOf("10.0.0.5", 7777, null, 443, null))
                .isEqualTo("wss://10.0.0.5:443/game/%s?landId=%s");
    }

    @Test
    void connectUrlExplicitSchemeWins() {
        assertThat(connectUrlOf("game.example", 443, null, null, "ws"))
                .isEqualTo("ws://game.example:443/game/%s?landId=%s");
        assertThat(connectUrlOf("game.example", 8080, null, null, "wss"))
                .isEqualTo("wss://game.example:8080/game/%s?landId=%s");
    }

    /** The URL of a land on a fresh server, with landType and landId replaced by %s so expectations stay readable. */
    private String connectUrlOf(String host, int port, @Nullable String connectHost, @Nullable Integer connectPort,
            @Nullable String connectScheme) {
        String landType = unique("url");
        registry.register(new GameServer(id("s", landType), host, port, landType, connectHost, connectPort,
                connectScheme, null, null), T0);
        Allocation allocation = allocateOne(landType, null, T0).orElseThrow();
        return allocation.connectUrl().replace(allocation.landId(), "%s").replace("/game/" + landType, "/game/%s");
    }

    private Optional<Allocation> allocateOne(String landType, @Nullable String region, Instant now) {
        return registry.allocate(List.of(request(landType, region, now)), now).get(0);
    }

    private static AllocationRequest request(String landType, @Nullable String region, Instant now) {
        return new AllocationRequest(landType, region, landId(landType), now.plusSeconds(3600).toEpochMilli());
    }

    private static String landId(String landType) {
        return landType + ":" + UUID.randomUUID();
    }

    /** Server ids carry the test's landType so that no two tests share one. */
    private static String id(String name, String landType) {
        return name + "@" + landType;
    }

    private static GameServer server(String name, String landType, @Nullable String region,
            @Nullable Integer capacity) {
        return new GameServer(id(name, landType), "10.0.0.1", 7777, landType, null, null, null, region, capacity);
    }
}
