package dev.matchplane.ticket;

import dev.matchplane.system.MetricTags;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Client-side ticket events per queue: enqueued, deduplicated, refused, cancelled. */
@Component
class TicketMetrics {

    private final MeterRegistry registry;
    private final MetricTags tags;

    TicketMetrics(MeterRegistry registry, MetricTags tags) {
        this.registry = registry;
        this.tags = tags;
    }

    void enqueued(String queueKey, boolean created) {
        counter("matchplane.tickets.enqueued", queueKey, created ? "created" : "deduplicated").increment();
    }

    void refused(String queueKey, String reason) {
        counter("matchplane.tickets.refused", queueKey, reason).increment();
    }

    void cancelled() {
        Counter.builder("matchplane.tickets.cancelled").register(registry).increment();
    }

    private Counter counter(String name, String queueKey, String outcome) {
        return Counter.builder(name).tag("queue", tags.queue(queueKey)).tag("outcome", outcome).register(registry);
    }
}
