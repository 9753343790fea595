package dev.matchplane.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.matchplane.support.IntegrationTest;
import dev.matchplane.support.WsTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Limits of one instance: it pings silent sockets and closes those that never answer (a client that answers
 * stays), it refuses sockets beyond its maximum with 1013 until one closes, and browsers from other origins.
 */
@TestPropertySource(properties = { "realtime.ping-interval=1s", "realtime.max-sockets=3",
        "realtime.allowed-origins=https://*.example.com" })
class RealtimeServerLimitsIntegrationTests extends IntegrationTest {

    private static final int PING = 0x9;
    private static final int CLOSE = 0x8;

    @Autowired
    SocketRegistry registry;

    @Test
    void socketBeyondTheInstanceMaximumThenClose1013UntilOneCloses() {
        awaitOpenSockets(0);
        List<WsTestClient> three = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                three.add(WsTestClient.connect(port, "/realtime"));
            }
            awaitOpenSockets(3);
            try (WsTestClient fourth = WsTestClient.connect(port, "/realtime")) {
                assertThat(fourth.awaitCloseCode()).isEqualTo(1013);
            }
            three.remove(0).close();
            awaitOpenSockets(2);
            try (WsTestClient again = WsTestClient.connect(port, "/realtime")) {
                again.send("{\"action\":\"dance\"}");
                assertThat(again.nextJson().get("code").asString()).isEqualTo("VALIDATION_FAILED");
            }
        }
        finally {
            three.forEach(WsTestClient::close);
        }
    }

    @Test
    void browserFromAnOriginNotAllowedThenHandshakeRefused() {
        awaitOpenSockets(0);
        try (WsTestClient allowed = WsTestClient.connectFrom("https://play.example.com", port, "/realtime")) {
            allowed.send("{\"action\":\"dance\"}");
            assertThat(allowed.nextJson().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        }
        assertThatThrownBy(() -> WsTestClient.connectFrom("https://evil.test", port, "/realtime"))
                .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        refused -> assertThat(refused.getResponse().statusCode()).isEqualTo(403));
    }

    @Test
    void clientThatNeverAnswersPingsThenClosedWith1001() throws IOException {
        try (Socket raw = new Socket("127.0.0.1", port)) {
            raw.setSoTimeout(10_000);
            handshake(raw);
            List<Integer> opcodes = new ArrayList<>();
            int closeCode = readUntilClose(new DataInputStream(raw.getInputStream()), opcodes);
            assertThat(opcodes).contains(PING);
            assertThat(closeCode).isEqualTo(1001);
        }
    }

    @Test
    void clientThatAnswersPingsStaysOpenAndUsable() {
        awaitOpenSockets(0);
        try (WsTestClient client = WsTestClient.connect(port, "/realtime")) {
            // several ping intervals: the client answers every ping, so the server never closes it
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> !client.isClosed());
            client.send("{\"action\":\"dance\"}");
            assertThat(client.nextJson().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        }
    }

    private void awaitOpenSockets(int count) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .untilAsserted(() -> assertThat(registry.size()).as("open sockets").isEqualTo(count));
    }

    private void handshake(Socket raw) throws IOException {
        String request = "GET /realtime HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        raw.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        raw.getOutputStream().flush();
        InputStream in = raw.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("handshake response").isNotNegative();
            head.write(b);
        }
        assertThat(head.toString(StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 101");
    }

    /** Reads server frames (never masked) until a close frame; returns its code. */
    private static int readUntilClose(DataInputStream in, List<Integer> opcodes) throws IOException {
        while (true) {
            int opcode = in.readUnsignedByte() & 0x0F;
            long length = in.readUnsignedByte() & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            }
            else if (length == 127) {
                length = in.readLong();
            }
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            opcodes.add(opcode);
            if (opcode == CLOSE) {
                return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
            }
        }
    }
}
