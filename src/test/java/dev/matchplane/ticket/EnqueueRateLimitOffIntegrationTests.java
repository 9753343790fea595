package dev.matchplane.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import dev.matchplane.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;

/** The default configuration has no enqueue limit: nothing is counted, so enqueue stays one Redis call. */
class EnqueueRateLimitOffIntegrationTests extends IntegrationTest {

    @Test
    void byDefaultManyEnqueuesFromOneClientAreAcceptedAndNoCounterExists() {
        for (int i = 0; i < 20; i++) {
            assertThat(http().post("/v1/matchmaking/enqueue", TicketApiIntegrationTests.enqueueBody(unique("q"),
                    unique("g"), unique("p"))).status()).isEqualTo(201);
        }

        Set<String> counters = new HashSet<>();
        try (Cursor<String> cursor = redis.scan(ScanOptions.scanOptions().match(keys.prefix() + "rate:*")
                .count(1000).build())) {
            cursor.forEachRemaining(counters::add);
        }
        assertThat(counters).isEmpty();
    }
}
