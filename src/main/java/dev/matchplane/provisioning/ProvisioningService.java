package dev.matchplane.provisioning;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Registration and removal as the game servers see them; one registry call each, with lifecycle logging. */
@Service
class ProvisioningService {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningService.class);

    private final GameServerRegistry registry;
    private final Clock clock;

    ProvisioningService(GameServerRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** A first registration is lifecycle (INFO); a heartbeat arrives every few seconds per server (DEBUG). */
    void register(GameServer server) {
        if (registry.register(server, clock.instant())) {
            log.info("Game server '{}' registered for landType '{}' at {}:{}", server.serverId(), server.landType(),
                    server.host(), server.port());
        }
        else {
            log.debug("Heartbeat from game server '{}'", server.serverId());
        }
    }

    void remove(String serverId) {
        if (registry.remove(serverId)) {
            log.info("Game server '{}' removed", serverId);
        }
    }
}
