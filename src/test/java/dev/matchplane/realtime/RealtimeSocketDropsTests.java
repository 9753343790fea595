package dev.matchplane.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

import java.io.IOException;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.SessionLimitExceededException;

/** Every message a socket cannot deliver counts once in matchplane.realtime.sends.dropped, under its reason. */
class RealtimeSocketDropsTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RealtimeMetrics metrics = new RealtimeMetrics(meters, new SocketRegistry(new RealtimeProperties(
            DataSize.ofKilobytes(16), 8, 100, java.time.Duration.ofSeconds(5), DataSize.ofKilobytes(256), 1,
            java.time.Duration.ofSeconds(25), List.of())));

    @Test
    void deliveredMessagesCountNoDrop() {
        new RealtimeSocket(mock(WebSocketSession.class), 0, metrics).send("{}");

        assertThat(dropped("closed") + dropped("slow") + dropped("failed")).isZero();
    }

    @Test
    void aSendThatFailsCountsFailedAndLaterSendsCountClosed() throws IOException {
        WebSocketSession session = mock(WebSocketSession.class);
        doThrow(new IOException("broken pipe")).when(session).sendMessage(any(WebSocketMessage.class));
        RealtimeSocket socket = new RealtimeSocket(session, 0, metrics);
        socket.send("{}");
        socket.markClosed();
        socket.send("{}");
        socket.send("{}");

        assertThat(dropped("failed")).isEqualTo(1);
        assertThat(dropped("closed")).isEqualTo(2);
    }

    @Test
    void aClientOverItsSendLimitCountsSlow() throws IOException {
        WebSocketSession session = mock(WebSocketSession.class);
        doThrow(new SessionLimitExceededException("buffer full", CloseStatus.SESSION_NOT_RELIABLE)).when(session)
                .sendMessage(any(WebSocketMessage.class));
        new RealtimeSocket(session, 0, metrics).send("{}");

        assertThat(dropped("slow")).isEqualTo(1);
    }

    @Test
    void pingsToAClosedSocketAreNotCounted() {
        RealtimeSocket socket = new RealtimeSocket(mock(WebSocketSession.class), 0, metrics);
        socket.markClosed();
        socket.ping();

        assertThat(dropped("closed")).isZero();
    }

    private double dropped(String reason) {
        return meters.get("matchplane.realtime.sends.dropped").tag("reason", reason).counter().count();
    }
}
