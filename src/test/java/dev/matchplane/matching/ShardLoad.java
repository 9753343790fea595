package dev.matchplane.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.matchplane.redis.RedisKeys;
import dev.matchplane.support.HttpJson;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Load for the shard tests: one-player tickets on twelve two-player queues (spread over the shards) until stopped,
 * and the check that every accepted ticket ended in exactly one land of two.
 */
final class ShardLoad implements Runnable {

    final ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    final AtomicBoolean running = new AtomicBoolean(true);
    private final String landType;
    private final HttpJson http;
    private final StringRedisTemplate redis;
    private final RedisKeys keys;

    ShardLoad(String landType, HttpJson http, StringRedisTemplate redis, RedisKeys keys) {
        this.landType = landType;
        this.http = http;
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public void run() {
        int n = 0;
        while (running.get() || n % 2 == 1) { // an even number in each queue: every ticket can be matched
            String queue = landType + ":2:q" + (n / 2 % 12);
            HttpJson.Response reply = http.post("/v1/matchmaking/enqueue", "{\"queueKey\":\"" + queue
                    + "\",\"members\":[\"p-" + UUID.randomUUID() + "\"],\"groupSize\":1}");
            if (reply.status() == 201) {
                accepted.add(reply.json().get("ticketId").asString());
            }
            else {
                failures.add(reply.status() + " " + reply.body());
            }
            n++;
            try {
                Thread.sleep(5);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    boolean allAssigned() {
        return accepted.stream().allMatch(ticketId -> "assigned".equals(
                redis.opsForHash().get(keys.ticket(ticketId), "status")));
    }

    /** No ticket in two lands, each land holds exactly two, and each ticket is in the land its assignment names. */
    void eachTicketIsInExactlyOneLandOfTwo() {
        List<String> tickets = List.copyOf(accepted);
        Map<String, String> landOfTicket = new HashMap<>();
        Set<String> lands = new HashSet<>();
        for (String ticketId : tickets) {
            lands.add(landIdOf(ticketId));
        }
        for (String land : lands) {
            JsonNode inLand = HttpJson.parse(String.valueOf(redis.opsForHash().get(keys.land(land), "tickets")));
            assertThat(inLand.size()).as("tickets of land %s", land).isEqualTo(2);
            for (JsonNode ticket : inLand) {
                assertThat(landOfTicket.put(ticket.asString(), land)).as("ticket %s in two lands", ticket.asString())
                        .isNull();
            }
        }
        for (String ticketId : tickets) {
            assertThat(landOfTicket.get(ticketId)).as("ticket %s is in the land its assignment names", ticketId)
                    .isEqualTo(landIdOf(ticketId));
        }
    }

    private String landIdOf(String ticketId) {
        String assignment = (String) redis.opsForHash().get(keys.ticket(ticketId), "assignment");
        return HttpJson.parse(assignment).get("landId").asString();
    }
}
