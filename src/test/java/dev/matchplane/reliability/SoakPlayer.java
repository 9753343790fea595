package dev.matchplane.reliability;

import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.matchplane.support.HttpJson;
import dev.matchplane.support.HttpJson.Response;

/**
 * One simulated player: enqueues (REST or socket, on either instance, alone or with a friend), follows the ticket
 * over a socket, and while it waits cancels or reconnects to a random instance now and then; after its ticket ends
 * it plays again. Past the deadline it cancels whatever still waits, so every ticket ends.
 */
final class SoakPlayer implements Runnable {

    /** Queue keys and their match sizes; "slow" queues fill rarely and expire quickly (see SoakTests). */
    static final List<String> QUEUES = List.of("soak:4", "soak:4", "soak:4", "duo:2", "duo:2", "slow:6");
    private static final long WAIT_BEFORE_CANCEL_MS = 20_000;
    private static final long WAIT_FOR_END_MS = 15_000;

    private final String player;
    private final int[] ports;
    private final HttpClient client;
    private final SoakLedger ledger;
    private final long activeUntilNanos;

    SoakPlayer(String player, int[] ports, HttpClient client, SoakLedger ledger, long activeUntilNanos) {
        this.player = player;
        this.ports = ports;
        this.client = client;
        this.ledger = ledger;
        this.activeUntilNanos = activeUntilNanos;
    }

    @Override
    public void run() {
        pause(0, 2_000); // players arrive over two seconds, not at once
        for (int round = 0; round < 1_000 && System.nanoTime() < activeUntilNanos; round++) {
            try {
                play();
            }
            catch (RuntimeException failure) {
                ledger.anomaly(player + ": " + failure);
            }
            pause(100, 700);
        }
    }

    private void play() {
        ThreadLocalRandom random = random();
        String queue = QUEUES.get(random.nextInt(QUEUES.size()));
        List<String> members = random.nextInt(5) == 0 ? List.of(player, player + "-friend") : List.of(player);
        String body = "\"queueKey\":\"" + queue + "\",\"members\":[\"" + String.join("\",\"", members)
                + "\"],\"groupSize\":" + members.size();
        SoakSocket socket;
        String ticketId;
        if (random.nextInt(3) == 0) {
            socket = SoakSocket.open(client, ledger, port(), "/realtime", player);
            socket.send("{\"action\":\"enqueue\"," + body + "}");
            ticketId = socket.enqueued.orTimeout(10, TimeUnit.SECONDS).join();
            ledger.socketEnqueues.incrementAndGet();
        }
        else {
            Response created = http().post("/v1/matchmaking/enqueue", "{" + body + "}");
            if (created.status() != 201) {
                ledger.anomaly(player + " enqueue answered " + created.status() + " " + created.body());
                return;
            }
            ticketId = created.json().get("ticketId").asString();
            ledger.restEnqueues.incrementAndGet();
            socket = SoakSocket.open(client, ledger, port(), "/realtime?ticketId=" + ticketId, player);
        }
        ledger.ticket(ticketId, player);
        follow(ticketId, socket);
    }

    /** Waits for the ticket's end over the socket, cancelling or reconnecting at random meanwhile. */
    private void follow(String ticketId, SoakSocket first) {
        ThreadLocalRandom random = random();
        SoakSocket socket = first;
        long started = System.nanoTime();
        boolean cancelled = false;
        while (true) {
            if (ended(socket, random.nextInt(200, 700))) {
                socket.close();
                return;
            }
            long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            boolean late = waitedMs > WAIT_BEFORE_CANCEL_MS || System.nanoTime() > activeUntilNanos;
            if (!cancelled && (late || random.nextInt(100) < 3)) {
                cancelled = true;
                cancel(ticketId);
            }
            else if (random.nextInt(100) < 5) {
                socket.close();
                socket = SoakSocket.open(client, ledger, port(), "/realtime?ticketId=" + ticketId, player);
                ledger.reconnects.incrementAndGet();
            }
            if (waitedMs > WAIT_BEFORE_CANCEL_MS + WAIT_FOR_END_MS) {
                ledger.anomaly(player + " never learned how ticket '" + ticketId + "' ended");
                socket.close();
                return;
            }
        }
    }

    private void cancel(String ticketId) {
        ledger.cancelsRequested.incrementAndGet();
        Response answer = http().post("/v1/matchmaking/cancel", "{\"ticketId\":\"" + ticketId + "\"}");
        if (answer.status() != 201) {
            ledger.anomaly(player + " cancel answered " + answer.status() + " " + answer.body());
        }
    }

    private static boolean ended(SoakSocket socket, long waitMs) {
        try {
            socket.ended.get(waitMs, TimeUnit.MILLISECONDS);
            return true;
        }
        catch (TimeoutException stillWaiting) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        catch (java.util.concurrent.ExecutionException ex) {
            throw new IllegalStateException(ex.getCause());
        }
    }

    private int port() {
        return ports[random().nextInt(ports.length)];
    }

    /** Per calling thread: a player's randomness is drawn on its own thread. */
    private static ThreadLocalRandom random() {
        return ThreadLocalRandom.current();
    }

    private HttpJson http() {
        return new HttpJson("http://127.0.0.1:" + port());
    }

    private void pause(int minMs, int maxMs) {
        try {
            Thread.sleep(random().nextInt(minMs, maxMs));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
