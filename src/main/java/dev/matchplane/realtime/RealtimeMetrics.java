package dev.matchplane.realtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code matchplane.realtime.sessions} (open sockets on this instance), {@code matchplane.realtime.events.pushed}
 * (messages sent to sockets, tagged by {@code type}) and {@code matchplane.realtime.sends.dropped} (messages that
 * could not be handed to their socket, tagged by {@code reason}).
 */
@Component
class RealtimeMetrics {

    /** The socket was already closed (by the client, a limit, or shutdown). */
    static final String DROPPED_CLOSED = "closed";
    /** The client read too slowly: the send buffer or time limit was exceeded and the socket closed. */
    static final String DROPPED_SLOW = "slow";
    /** The write failed (the connection broke mid-send). */
    static final String DROPPED_FAILED = "failed";

    private final MeterRegistry meters;
    /** Types come from our own scripts and code, so the tag has a handful of values. */
    private final ConcurrentMap<String, Counter> pushed = new ConcurrentHashMap<>();
    /** Registered up front so that dashboards show 0, not "no data", until the first drop. */
    private final Map<String, Counter> dropped;

    RealtimeMetrics(MeterRegistry meters, SocketRegistry sockets) {
        this.meters = meters;
        Gauge.builder("matchplane.realtime.sessions", sockets, SocketRegistry::size)
                .description("Open /realtime sockets on this instance").register(meters);
        dropped = Map.of(DROPPED_CLOSED, droppedCounter(DROPPED_CLOSED), DROPPED_SLOW, droppedCounter(DROPPED_SLOW),
                DROPPED_FAILED, droppedCounter(DROPPED_FAILED));
    }

    void pushed(String type) {
        pushed.computeIfAbsent(type, t -> Counter.builder("matchplane.realtime.events.pushed").tag("type", t)
                .description("Messages pushed to /realtime sockets").register(meters)).increment();
    }

    void dropped(String reason) {
        dropped.get(reason).increment();
    }

    private Counter droppedCounter(String reason) {
        return Counter.builder("matchplane.realtime.sends.dropped").tag("reason", reason)
                .description("Messages to /realtime sockets that were not delivered").register(meters);
    }
}
