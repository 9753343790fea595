package dev.matchplane.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A WebSocket client written byte by byte, for what no well-behaved client library will send: frames that break
 * RFC 6455, to prove the game server closes with 1002. Test-only; the example itself has no hand-written framing.
 */
final class RawWebSocket implements AutoCloseable {

    private static final int OPCODE_CLOSE = 0x8;
    private static final int TIMEOUT_MS = 10_000;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(TIMEOUT_MS);
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Opens the socket and completes the opening handshake; fails the test unless the server answers 101. */
    static RawWebSocket open(String url) throws IOException {
        URI uri = URI.create(url);
        RawWebSocket ws = new RawWebSocket(new Socket(uri.getHost(), uri.getPort()));
        String request = "GET " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\nHost: " + uri.getHost()
                + ":" + uri.getPort() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        ws.out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        ws.out.flush();
        assertThat(ws.readHead()).startsWith("HTTP/1.1 101");
        return ws;
    }

    /** Sends one masked frame with the given first byte (FIN, RSV bits, opcode) and payload (under 126 bytes). */
    void sendFrame(int firstByte, byte[] payload) throws IOException {
        byte[] mask = { 1, 2, 3, 4 };
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(firstByte);
        frame.write(0x80 | payload.length);
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    /** Reads frames until the server's close frame and returns its status code. */
    int awaitCloseCode() throws IOException {
        while (true) {
            int opcode = in.readUnsignedByte() & 0x0F;
            byte[] payload = new byte[payloadLength(in.readUnsignedByte() & 0x7F)];
            in.readFully(payload);
            if (opcode == OPCODE_CLOSE) {
                return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private int payloadLength(int sevenBits) throws IOException {
        return switch (sevenBits) {
            case 126 -> in.readUnsignedShort();
            case 127 -> Math.toIntExact(in.readLong());
            default -> sevenBits;
        };
    }

    private String readHead() throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) in.readUnsignedByte());
        }
        return head.toString();
    }
}
