package dev.matchplane.realtime;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the {@code /realtime} WebSocket ({@code realtime.*}, environment {@code REALTIME_*}).
 *
 * @param maxMessageSize     largest client text message; a larger one closes the socket with 1009 (16 KB)
 * @param maxSocketsPerTicket most sockets subscribed to one ticket on one instance; one more is closed with 4429 (8)
 * @param maxSockets         most open sockets per instance; one more is closed with 1013 "try again later" (10,000)
 * @param sendTimeLimit      longest a send to one client may take; a client over it is closed (5 s)
 * @param sendBufferLimit    most bytes queued for one client while a send to it is in progress; over it the client
 *                           is closed (256 KB)
 * @param sendThreads        threads that push events to sockets, so a slow client holds up one of them at most
 *                           {@code sendTimeLimit} and never the Redis listener or the other clients (16)
 * @param pingInterval       a socket silent for this long gets a ping; one silent for twice as long is closed (25 s)
 * @param allowedOrigins     browser origins allowed to open a socket, as origin patterns; {@code *} (the default, as
 *                           in the earlier system) allows every origin: clients authenticate nothing over this
 *                           socket beyond knowing an unguessable ticket id
 */
@ConfigurationProperties("realtime")
public record RealtimeProperties(
        @DefaultValue("16KB") DataSize maxMessageSize,
        @DefaultValue("8") int maxSocketsPerTicket,
        @DefaultValue("10000") int maxSockets,
        @DefaultValue("5s") Duration sendTimeLimit,
        @DefaultValue("256KB") DataSize sendBufferLimit,
        @DefaultValue("16") int sendThreads,
        @DefaultValue("25s") Duration pingInterval,
        @DefaultValue("*") List<String> allowedOrigins) {

    public RealtimeProperties {
        require(maxMessageSize.toBytes() >= 256 && maxMessageSize.toBytes() <= Integer.MAX_VALUE,
                "max-message-size must be between 256 B and 2 GB");
        require(maxSocketsPerTicket >= 1, "max-sockets-per-ticket must be at least 1");
        require(maxSockets >= 1, "max-sockets must be at least 1");
        require(sendTimeLimit.toMillis() >= 1 && sendTimeLimit.toMillis() <= Integer.MAX_VALUE,
                "send-time-limit must be positive");
        require(sendBufferLimit.toBytes() >= 1 && sendBufferLimit.toBytes() <= Integer.MAX_VALUE,
                "send-buffer-limit must be positive");
        require(sendThreads >= 1, "send-threads must be at least 1");
        require(pingInterval.toMillis() >= 10, "ping-interval must be at least 10 ms");
        require(!allowedOrigins.isEmpty(), "allowed-origins must name at least one origin pattern");
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("realtime." + message);
        }
    }
}
