package dev.matchplane.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One virtual player on one /realtime socket: sends {@code {"action":"enqueue",…}} once open and records when
 * {@code enqueued} and {@code match.assigned} arrive (docs/websocket-api.md). Counts every match.assigned, so a duplicate
 * push is seen. Optionally closes the socket once assigned, as a real client leaving for its game server would.
 */
final class Player implements WsClient.Listener {

    private static final Pattern TICKET_ID = Pattern.compile("\"ticketId\":\"([^\"]+)\"");
    private static final Pattern MATCH_ID = Pattern.compile("\"matchId\":\"([^\"]+)\"");
    private static final Pattern ESTIMATE = Pattern.compile("\"estimatedWaitMs\":(\\d+)");
    private static final Pattern TEAM = Pattern.compile("\"team\":\"([^\"]*)\"");
    private static final Pattern REGION = Pattern.compile("\"region\":\"([^\"]*)\"");
    private static final Pattern SERVER_ID = Pattern.compile("\"serverId\":\"([^\"]*)\"");

    final String playerId;
    private final String enqueueMessage;
    private final boolean closeWhenAssigned;
    volatile long startedAt;
    volatile long openedAt;
    volatile long sentAt;
    volatile long enqueuedAt;
    volatile long assignedAt;
    volatile int assignedCount;
    volatile String ticketId;
    volatile String matchId;
    /** The assignment's team and region, when it has them (rule-set queues; a server's region). */
    volatile String team;
    volatile String region;
    volatile String serverId;
    /** The wait the enqueued reply announced (ms); -1 when it gave none (null, or a build without estimates). */
    volatile long estimatedWaitMs = -1;
    volatile String error;
    /** ticket.expired came: the ticket waited past the max wait, a final state like an assignment. */
    volatile boolean expired;
    volatile boolean closed;
    volatile WsConnection socket;

    Player(String playerId, String queueKey, boolean closeWhenAssigned) {
        this(playerId, closeWhenAssigned, "{\"action\":\"enqueue\",\"queueKey\":\"" + queueKey + "\",\"groupId\":\"g-"
                + playerId + "\",\"members\":[\"" + playerId + "\"],\"groupSize\":1}");
    }

    /** A party's leader that sends {@code enqueueMessage} as is (a party with player data, see Population). */
    Player(String playerId, boolean closeWhenAssigned, String enqueueMessage) {
        this.playerId = playerId;
        this.enqueueMessage = enqueueMessage;
        this.closeWhenAssigned = closeWhenAssigned;
    }

    @Override
    public void onOpen(WsConnection webSocket) {
        socket = webSocket;
        openedAt = System.nanoTime();
        sentAt = System.nanoTime();
        webSocket.sendText(enqueueMessage);
    }

    @Override
    public void onText(WsConnection webSocket, String message) {
        long now = System.nanoTime();
        if (message.contains("\"type\":\"match.assigned\"")) {
            if (assignedCount++ == 0) {
                assignedAt = now;
                ticketId = group(TICKET_ID, message);
                matchId = group(MATCH_ID, message);
                team = group(TEAM, message);
                region = group(REGION, message);
                serverId = group(SERVER_ID, message);
                if (closeWhenAssigned) {
                    webSocket.sendClose(1000, "matched");
                }
            }
        }
        else if (message.contains("\"type\":\"enqueued\"")) {
            enqueuedAt = now;
            String estimate = group(ESTIMATE, message);
            estimatedWaitMs = estimate == null ? -1 : Long.parseLong(estimate);
            if (ticketId == null) {
                ticketId = group(TICKET_ID, message);
            }
        }
        else if (message.contains("\"type\":\"ticket.expired\"")) {
            expired = true;
            if (closeWhenAssigned) {
                webSocket.sendClose(1000, "expired");
            }
        }
        else if (message.contains("\"type\":\"error\"")) {
            error = message;
        }
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    @Override
    public void onClose(WsConnection webSocket, int statusCode, String reason) {
        closed = true;
        if (assignedCount == 0 && !expired && error == null) {
            error = "closed " + statusCode + " " + reason;
        }
    }

    @Override
    public void onError(WsConnection webSocket, Throwable failure) {
        closed = true;
        if (error == null) {
            error = failure.toString();
        }
    }
}
