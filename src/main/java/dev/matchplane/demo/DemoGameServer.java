package dev.matchplane.demo;

import java.time.Clock;

import dev.matchplane.provisioning.GameServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import dev.matchplane.provisioning.GameServerRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps a game server for the demo's landType registered, so that two tabs of {@code /demo/} get matched on a
 * developer machine with nothing else running. It stands where the example game server listens
 * (127.0.0.1:7777, the README's command, same server id): start that server and its heartbeats simply refresh this
 * record, and players can then connect. Only with {@code matchmaking.demo.enabled}, which production leaves off.
 */
@Component
@ConditionalOnBooleanProperty("matchmaking.demo.enabled")
class DemoGameServer {

    private static final Logger log = LoggerFactory.getLogger(DemoGameServer.class);

    static final GameServer SERVER = new GameServer("gs-demo", "127.0.0.1", 7777, "demo", null, null, null, null,
            null);

    private final GameServerRegistry registry;
    private final Clock clock;

    DemoGameServer(GameServerRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** Well within the 90 s server TTL; the first beat comes at start. */
    @Scheduled(fixedDelayString = "30s")
    void heartbeat() {
        try {
            registry.register(SERVER, clock.instant());
        }
        catch (DataAccessException ex) {
            log.warn("Demo game server heartbeat failed, retrying in 30 s: {}", ex.getMessage());
        }
    }
}
