package dev.matchplane.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchplane.support.IntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Invariant: the role decides which beans exist, however it is spelled. {@code api} (any case): client API and
 * realtime, no tick; {@code queue-worker} / {@code QUEUE_WORKER}: the tick, no client API (404) and no realtime;
 * {@code all}: both. Bean names are Spring's defaults for the classes carrying {@link ConditionalOnRole}.
 */
class RoleIntegrationTests {

    private static final String TICK = "matchingScheduler";
    private static final String CLIENT_API = "ticketController";
    private static final String REALTIME = "realtimeConfiguration";
    private static final String ENQUEUE = "/v1/matchmaking/enqueue";
    private static final String BODY = "{\"queueKey\":\"role:2\",\"groupId\":\"g-%s\",\"members\":[\"%s\"],"
            + "\"groupSize\":1}";

    abstract static class RoleTest extends IntegrationTest {

        @Autowired
        ApplicationContext context;

        int enqueueStatus() {
            String player = unique("role-player");
            return http().post(ENQUEUE, BODY.formatted(player, player)).status();
        }

        void assertTicks(boolean ticks) {
            assertThat(context.containsBean(TICK)).as("tick scheduler").isEqualTo(ticks);
        }

        void assertServesClients(boolean serves) {
            assertThat(context.containsBean(CLIENT_API)).as("client API").isEqualTo(serves);
            assertThat(context.containsBean(REALTIME)).as("realtime").isEqualTo(serves);
            assertThat(enqueueStatus()).isEqualTo(serves ? 201 : 404);
        }
    }

    @Nested
    @TestPropertySource(properties = "matchmaking.role=api")
    class Api extends RoleTest {

        @Test
        void servesClientsAndNeverTicks() {
            assertTicks(false);
            assertServesClients(true);
        }
    }

    @Nested
    @TestPropertySource(properties = "matchmaking.role=API")
    class ApiUpperCase extends RoleTest {

        @Test
        void servesClientsAndNeverTicks() {
            assertTicks(false);
            assertServesClients(true);
        }
    }

    @Nested
    @TestPropertySource(properties = "matchmaking.role=queue-worker")
    class QueueWorker extends RoleTest {

        @Test
        void ticksAndServesNoClients() {
            assertTicks(true);
            assertServesClients(false);
        }
    }

    @Nested
    @TestPropertySource(properties = "matchmaking.role=QUEUE_WORKER")
    class QueueWorkerEnvironmentStyle extends RoleTest {

        @Test
        void ticksAndServesNoClients() {
            assertTicks(true);
            assertServesClients(false);
        }
    }

    @Nested
    @TestPropertySource(properties = "matchmaking.role=all")
    class All extends RoleTest {

        @Test
        void ticksAndServesClients() {
            assertTicks(true);
            assertServesClients(true);
        }
    }
}
