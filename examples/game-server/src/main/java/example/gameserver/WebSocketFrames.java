package example.gameserver;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The slice of RFC 6455 a game server needs: the handshake answer, and frames read from a client (always masked)
 * and written to it (never masked). No extensions, no fragmented sends: messages here are small JSON texts.
 */
final class WebSocketFrames {

    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    static final int NORMAL_CLOSURE = 1000;
    static final int GOING_AWAY = 1001;
    static final int PROTOCOL_ERROR = 1002;
    static final int MESSAGE_TOO_BIG = 1009;

    /** RFC 6455 §1.3: proves to the client that this server understood the WebSocket handshake. */
    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private WebSocketFrames() {
    }

    /** One frame as received: payload already unmasked. */
    record Frame(boolean fin, int opcode, byte[] payload) {
    }

    /** A client broke the protocol; the connection is closed with {@code closeCode}. */
    static final class ProtocolViolation extends IOException {

        final int closeCode;

        ProtocolViolation(int closeCode, String message) {
            super(message);
            this.closeCode = closeCode;
        }
    }

    static String switchingProtocols(String secWebSocketKey) {
        return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + acceptKey(secWebSocketKey) + "\r\n\r\n";
    }

    static String acceptKey(String secWebSocketKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((secWebSocketKey + ACCEPT_GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every JVM has SHA-1", ex);
        }
    }

    /** Reads one frame, refusing unmasked frames and payloads above {@code maxPayload} before buffering them. */
    static Frame read(InputStream in, int maxPayload) throws IOException {
        int first = readByte(in);
        int second = readByte(in);
        long length = second & 0x7F;
        if (length == 126) {
            length = readUnsigned(in, 2);
        }
        else if (length == 127) {
            length = readUnsigned(in, 8);
        }
        if ((second & 0x80) == 0) {
            throw new ProtocolViolation(PROTOCOL_ERROR, "client frames must be masked");
        }
        if (length > maxPayload) {
            throw new ProtocolViolation(MESSAGE_TOO_BIG, "frame of " + length + " bytes");
        }
        byte[] mask = readExactly(in, 4);
        byte[] payload = readExactly(in, (int) length);
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i % 4];
        }
        return new Frame((first & 0x80) != 0, first & 0x0F, payload);
    }

    /** A close frame's payload: the status code, big-endian (a reason text is optional and left out). */
    static byte[] closePayload(int code) {
        return new byte[] { (byte) (code >> 8), (byte) code };
    }

    /** A single, final, unmasked frame (servers must not mask, RFC 6455 §5.1). */
    static void write(OutputStream out, int opcode, byte[] payload) throws IOException {
        out.write(0x80 | opcode);
        if (payload.length < 126) {
            out.write(payload.length);
        }
        else if (payload.length <= 0xFFFF) {
            out.write(126);
            out.write(payload.length >> 8);
            out.write(payload.length);
        }
        else {
            out.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) payload.length >> shift));
            }
        }
        out.write(payload);
        out.flush();
    }

    private static long readUnsigned(InputStream in, int bytes) throws IOException {
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            value = (value << 8) | readByte(in);
        }
        if (value < 0) {
            throw new ProtocolViolation(PROTOCOL_ERROR, "negative frame length");
        }
        return value;
    }

    private static int readByte(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("client went away without a close frame");
        }
        return b;
    }

    private static byte[] readExactly(InputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("client went away mid-frame");
        }
        return bytes;
    }
}
