package dev.matchplane.realtime;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code matchplane.realtime.sessions} (open sockets on this instance) and {@code matchplane.realtime.events.pushed}
 * (messages sent to sockets, tagged by {@code type}).
 */
@Component
class RealtimeMetrics {

    private final MeterRegistry meters;
    /** Types come from our own scripts and code, so the tag has a handful of values. */
    private final ConcurrentMap<String, Counter> pushed = new ConcurrentHashMap<>();

    RealtimeMetrics(MeterRegistry meters, SocketRegistry sockets) {
        this.meters = meters;
        Gauge.builder("matchplane.realtime.sessions", sockets, SocketRegistry::size)
                .description("Open /realtime sockets on this instance").register(meters);
    }

    void pushed(String type) {
        pushed.computeIfAbsent(type, t -> Counter.builder("matchplane.realtime.events.pushed").tag("type", t)
                .description("Messages pushed to /realtime sockets").register(meters)).increment();
    }
}
