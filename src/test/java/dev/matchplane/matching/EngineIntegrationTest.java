package dev.matchplane.matching;

import java.time.Clock;

import dev.matchplane.provisioning.GameServerRegistry;
import dev.matchplane.support.IntegrationTest;
import dev.matchplane.ticket.TicketService;
import dev.matchplane.token.MatchTokens;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.ObjectMapper;

/**
 * Base of tests that drive ticks by hand (subclasses set {@code matchmaking.role=api}, so no scheduler ticks): each
 * {@link #engine} stands for one more instance sharing the context's Redis adapters, with its own fencing token.
 */
abstract class EngineIntegrationTest extends IntegrationTest {

    @Autowired
    TickLock lock;
    @Autowired
    MatchStore store;
    @Autowired
    GameServerRegistry servers;
    @Autowired
    MatchTokens tokens;
    @Autowired
    QueueCatalog catalog;
    @Autowired
    MatchmakingProperties properties;
    @Autowired
    ObjectMapper json;
    @Autowired
    TicketService tickets;
    @Autowired
    Clock clock;
    @Autowired
    MatchingMetrics metrics;

    MatchingEngine engine(MatchTokens signer) {
        return new MatchingEngine(lock, store, servers, new AssignmentFactory(signer, json), catalog, properties,
                metrics);
    }
}
