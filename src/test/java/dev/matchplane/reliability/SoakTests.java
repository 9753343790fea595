package dev.matchplane.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.matchplane.MatchplaneApplication;
import dev.matchplane.support.HttpJson;
import dev.matchplane.support.TestRedis;
import dev.matchplane.redis.RedisKeys;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Soak: two Matchplane instances on one Redis and one key prefix, both ticking (one holds the lock at a time), and a
 * few hundred simulated players ({@link SoakPlayer}) enqueueing over REST or WebSocket on either instance,
 * following their tickets, cancelling and reconnecting at random, then playing again. Loopback only, bounded in
 * time ({@code -Dsoak.seconds}, default 75, at most 150) and in players ({@code -Dsoak.players}, default 240).
 * Afterwards {@link SoakInvariants} checks every ticket against Redis, the published events and the clients' logs.
 * Tagged {@code soak}: part of {@code ./mvnw verify} (as .ci/run runs it); {@code -Pquick} leaves it out.
 */
@Tag("soak")
class SoakTests {

    private static final int SECONDS = Math.min(150, Integer.getInteger("soak.seconds", 75));
    private static final int PLAYERS = Math.min(500, Integer.getInteger("soak.players", 240));

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private RedisClient pubSubClient;

    @AfterEach
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
        if (pubSubClient != null) {
            pubSubClient.shutdown();
        }
    }

    @Test
    void playersOnTwoInstancesEveryTicketEndsOnceAndEveryClientLearnsHow() throws Exception {
        String prefix = TestRedis.newPrefix("soak");
        int[] ports = { start("soak-a", prefix), start("soak-b", prefix) };
        RedisKeys keys = instances.get(0).getBean(RedisKeys.class);
        Map<String, List<String>> published = watchTerminalEvents(keys.events());
        registerServers(ports);

        SoakLedger ledger = new SoakLedger();
        long started = System.nanoTime();
        long activeUntil = started + TimeUnit.SECONDS.toNanos(SECONDS);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(PLAYERS);
        List<Future<?>> players = new ArrayList<>();
        for (int p = 0; p < PLAYERS; p++) {
            players.add(pool.submit(new SoakPlayer("player-" + p, ports, client, ledger, activeUntil)));
        }
        for (Future<?> player : players) {
            player.get(SECONDS + 120L, TimeUnit.SECONDS);
        }
        pool.shutdown();
        Duration ran = Duration.ofNanos(System.nanoTime() - started);

        StringRedisTemplate redis = instances.get(0).getBean(StringRedisTemplate.class);
        Map<String, SoakInvariants.StoredTicket> stored = storedTickets(redis, keys);
        SoakInvariants.Counts counts = SoakInvariants.check(stored, ledger, published);
        for (String queue : SoakPlayer.QUEUES) {
            assertThat(redis.opsForZSet().zCard(keys.queue(queue))).as("waiting in %s", queue).isZero();
        }
        assertThat(redis.opsForZSet().zCard(keys.claims())).as("claims left").isZero();
        System.out.printf("[soak] %d s, 2 instances, %d players: %d tickets (%d REST, %d WebSocket) -> %d assigned "
                + "in %d lands, %d cancelled, %d expired; %d cancels requested, %d reconnects, %d sockets, "
                + "%d messages received, %d terminal events published; lost 0, double-booked 0%n",
                ran.toSeconds(), PLAYERS, counts.tickets(), ledger.restEnqueues.get(), ledger.socketEnqueues.get(),
                counts.assigned(), counts.lands(), counts.cancelled(), counts.expired(), ledger.cancelsRequested.get(),
                ledger.reconnects.get(), ledger.socketsOpened.get(), ledger.messages.get(),
                published.values().stream().mapToInt(List::size).sum());
    }

    private int start(String node, String prefix) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(MatchplaneApplication.class).run(
                "--server.port=0", "--spring.data.redis.url=" + TestRedis.url(),
                "--matchmaking.redis.key-prefix=" + prefix, "--matchmaking.redis.embedded=never",
                "--matchmaking.node-id=" + node, "--logging.level.dev.matchplane=WARN",
                "--spring.main.banner-mode=off", "--matchmaking.interval=100ms", "--matchmaking.min-wait=200ms",
                "--matchmaking.relax-after=1h", "--matchmaking.queues[0].pattern=slow*",
                "--matchmaking.queues[0].max-wait=3s", "--provisioning.server-ttl=10m");
        instances.add(context);
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    /** Two servers per landType, registered on different instances. */
    private static void registerServers(int[] ports) {
        for (String landType : List.of("soak", "duo", "slow")) {
            for (int i = 0; i < 2; i++) {
                HttpJson http = new HttpJson("http://127.0.0.1:" + ports[i]);
                assertThat(http.post("/v1/provisioning/servers/register", "{\"serverId\":\"gs-" + landType + "-" + i
                        + "\",\"host\":\"127.0.0.1\",\"port\":" + (7000 + i) + ",\"landType\":\"" + landType + "\"}")
                        .status()).isEqualTo(200);
            }
        }
    }

    /** Every terminal event on the channel, per ticket, as an independent subscriber sees them. */
    private Map<String, List<String>> watchTerminalEvents(String channel) {
        Map<String, List<String>> events = new ConcurrentHashMap<>();
        pubSubClient = RedisClient.create(TestRedis.url());
        StatefulRedisPubSubConnection<String, String> connection = pubSubClient.connectPubSub();
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String from, String message) {
                var event = HttpJson.parse(message);
                events.computeIfAbsent(event.at("/data/ticketId").asString(), t -> new CopyOnWriteArrayList<>())
                        .add(event.get("type").asString());
            }
        });
        connection.sync().subscribe(channel);
        return events;
    }

    /** Every ticket under the soak's own prefix: a bounded SCAN, as only a test may do. */
    private static Map<String, SoakInvariants.StoredTicket> storedTickets(StringRedisTemplate redis, RedisKeys keys) {
        Map<String, SoakInvariants.StoredTicket> tickets = new HashMap<>();
        String prefix = keys.ticket("");
        try (Cursor<String> cursor = redis.scan(ScanOptions.scanOptions().match(prefix + "*").count(1_000).build())) {
            while (cursor.hasNext() && tickets.size() < 1_000_000) {
                String key = cursor.next();
                String ticketId = key.substring(prefix.length());
                tickets.put(ticketId, SoakInvariants.StoredTicket.of(ticketId, redis.opsForHash().entries(key)));
            }
        }
        return tickets;
    }
}
