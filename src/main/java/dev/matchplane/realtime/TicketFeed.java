package dev.matchplane.realtime;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.matchplane.ticket.Ticket;
import dev.matchplane.ticket.TicketService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Connects sockets to ticket events. A socket registers first and then reads the stored ticket, so an event
 * published between the two is never missed (DESIGN "Events after state"); the price is that both paths may offer
 * the same event, which each socket lets through once.
 */
@Component
class TicketFeed {

    /** What {@link #subscribe} found. */
    enum Subscription { WAITING, DELIVERED, UNKNOWN_TICKET, TOO_MANY_SOCKETS }

    private static final Logger log = LoggerFactory.getLogger(TicketFeed.class);

    private final SocketRegistry registry;
    private final TicketService tickets;
    private final ServerMessages messages;
    private final SendPool pool;
    private final RealtimeMetrics metrics;

    TicketFeed(SocketRegistry registry, TicketService tickets, ServerMessages messages, SendPool pool,
            RealtimeMetrics metrics) {
        this.registry = registry;
        this.tickets = tickets;
        this.messages = messages;
        this.pool = pool;
        this.metrics = metrics;
    }

    /**
     * Subscribes the socket and sends at once the event the ticket has already produced, if any. On a Redis
     * failure the registration stays (pub/sub may still deliver) and the exception propagates.
     */
    Subscription subscribe(RealtimeSocket socket, String ticketId) {
        // A verified player is checked before registering: registered first, a socket could be pushed an event of
        // another player's ticket before the read below refused it. Members never change, so once is enough.
        if (socket.caller().playerId() != null && tickets.find(ticketId, socket.caller()).isEmpty()) {
            return Subscription.UNKNOWN_TICKET;
        }
        if (!registry.subscribe(ticketId, socket)) {
            return Subscription.TOO_MANY_SOCKETS;
        }
        Optional<Ticket> ticket = tickets.find(ticketId);
        if (ticket.isEmpty()) {
            registry.unsubscribe(ticketId, socket);
            return Subscription.UNKNOWN_TICKET;
        }
        Optional<TicketEvent> event = messages.storedEvent(ticket.get());
        if (event.isEmpty()) {
            return Subscription.WAITING;
        }
        registry.unsubscribe(ticketId, socket);
        deliver(socket, event.get());
        return Subscription.DELIVERED;
    }

    /** An event from pub/sub: hands one send per local subscriber to the send pool and returns at once. */
    void publish(TicketEvent event) {
        Collection<RealtimeSocket> targets = event.isFinal() ? registry.finish(event.ticketId())
                : registry.subscribers(event.ticketId());
        for (RealtimeSocket socket : targets) {
            pool.execute(() -> deliver(socket, event));
        }
    }

    /**
     * Reads again every ticket this instance waits for; run after the pub/sub subscription was (re-)established,
     * because events published while it was down are lost. One read per ticket, only on reconnects.
     */
    void recheckAll() {
        List<String> ticketIds = List.copyOf(registry.subscribedTickets());
        if (ticketIds.isEmpty()) {
            return;
        }
        pool.execute(() -> {
            log.info("Re-reading {} subscribed tickets after the event subscription (re)started", ticketIds.size());
            for (String ticketId : ticketIds) {
                tickets.find(ticketId).flatMap(messages::storedEvent).ifPresent(this::publish);
            }
        });
    }

    void deliver(RealtimeSocket socket, TicketEvent event) {
        if (socket.firstDelivery(event)) {
            socket.send(event.text());
            metrics.pushed(event.type());
        }
    }
}
