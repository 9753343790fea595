package dev.matchplane.realtime;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

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
 * @param allowedOrigins     browser origins allowed to open a socket, as origin patterns; empty (the default, and
 *                           the REST CORS default) allows same-origin pages and native clients, which send no
 *                           {@code Origin}; {@code *} allows every page on the web to enqueue for its visitors
 */
@ConfigurationProperties("realtime")
@Validated
public record RealtimeProperties(
        @DefaultValue("16KB") DataSize maxMessageSize,
        @DefaultValue("8") @Positive int maxSocketsPerTicket,
        @DefaultValue("10000") @Positive int maxSockets,
        @DefaultValue("5s") @DurationMin(millis = 1) @DurationMax(millis = Integer.MAX_VALUE)
        Duration sendTimeLimit,
        @DefaultValue("256KB") DataSize sendBufferLimit,
        @DefaultValue("16") @Positive int sendThreads,
        @DefaultValue("25s") @DurationMin(millis = 10) Duration pingInterval,
        @DefaultValue List<String> allowedOrigins) {

    public RealtimeProperties {
        allowedOrigins = allowedOrigins.stream().map(String::trim).filter(origin -> !origin.isEmpty()).toList();
    }

    /** Tomcat takes both sizes as an int. */
    @AssertTrue(message = "max-message-size must be between 256 B and 2 GB")
    boolean isMaxMessageSizeInRange() {
        return maxMessageSize.toBytes() >= 256 && maxMessageSize.toBytes() <= Integer.MAX_VALUE;
    }

    @AssertTrue(message = "send-buffer-limit must be between 1 B and 2 GB")
    boolean isSendBufferLimitInRange() {
        return sendBufferLimit.toBytes() >= 1 && sendBufferLimit.toBytes() <= Integer.MAX_VALUE;
    }
}
