package dev.matchplane.realtime;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.SubscriptionListener;
import tools.jackson.databind.ObjectMapper;

/**
 * Receives every ticket event of the deployment from the Redis channel and passes it to {@link TicketFeed}.
 * It runs on the Redis client's thread, so it only reads the ticket id and hands the sends to the send pool.
 */
class RedisTicketEventRelay implements MessageListener, SubscriptionListener {

    private static final Logger log = LoggerFactory.getLogger(RedisTicketEventRelay.class);

    private final TicketFeed feed;
    private final ObjectMapper json;

    RedisTicketEventRelay(TicketFeed feed, ObjectMapper json) {
        this.feed = feed;
        this.json = json;
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        String text = new String(message.getBody(), StandardCharsets.UTF_8);
        Optional<TicketEvent> event = TicketEvent.parse(json, text);
        if (event.isEmpty()) {
            log.warn("Ignoring an event without type or data.ticketId ({} bytes)", text.length());
            return;
        }
        try {
            feed.publish(event.get());
        }
        catch (RuntimeException ex) {
            log.warn("Could not relay '{}' of ticket '{}'", event.get().type(), event.get().ticketId(), ex);
        }
    }

    @Override
    public void onChannelSubscribed(byte[] channel, long count) {
        feed.recheckAll();
    }
}
