package dev.matchplane.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One client WebSocket of {@link WsClient}: non-blocking TCP connect, HTTP/1.1 upgrade (101 and
 * Sec-WebSocket-Accept checked), masked client frames, unmasked server frames with fragmentation, ping/pong and the
 * close handshake (the server closes TCP first, so TIME_WAIT stays on its side, not on the generator's ports).
 * Every field is touched on its loop's thread only; the public methods hand their work to that thread.
 */
final class WsConnection {

    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int CONTINUATION = 0x0;
    private static final int TEXT = 0x1;
    private static final int BINARY = 0x2;
    private static final int CLOSE = 0x8;
    private static final int PING = 0x9;
    private static final int PONG = 0xA;
    private static final int NO_STATUS = 1005;
    private static final int MAX_HEAD_BYTES = 8 * 1024;
    /** Server messages are envelopes well under 1 KiB; anything near this is a broken stream. */
    private static final int MAX_MESSAGE_BYTES = 1 << 20;
    private static final int READ_BYTES = 16 * 1024;
    /** How long the server gets to answer our close frame and then to close TCP. */
    private static final long CLOSE_TIMEOUT_NANOS = 5_000_000_000L;

    private enum State { NEW, CONNECTING, UPGRADING, OPEN, CLOSING, CLOSED }

    private final WsClient client;
    private final WsLoop loop;
    private final WsClient.Listener listener;
    private final long handshakeTimeoutNanos;
    private final CompletableFuture<WsConnection> opened = new CompletableFuture<>();
    private State state = State.NEW;
    private SocketChannel channel;
    private SelectionKey key;
    private String expectedAccept;
    private long deadline;
    /** Bytes of an incomplete response head or frame, kept until the rest arrives; null on an idle socket. */
    private byte[] leftover;
    /** Bytes the incomplete frame in {@link #leftover} needs in all. */
    private int needed;
    /** Output the socket did not take yet (write mode); null in the usual case. */
    private ByteBuffer unwritten;
    private ByteArrayOutputStream fragments;
    private int fragmentsOpcode;
    private boolean closeSent;
    private boolean closeReceived;

    WsConnection(WsClient client, WsLoop loop, WsClient.Listener listener, long handshakeTimeoutNanos) {
        this.client = client;
        this.loop = loop;
        this.listener = listener;
        this.handshakeTimeoutNanos = handshakeTimeoutNanos;
    }

    CompletableFuture<WsConnection> opened() {
        return opened;
    }

    /** Sends one text message in one frame; ignored once closing or closed. */
    void sendText(String message) {
        loop.execute(() -> send(TEXT, message.getBytes(StandardCharsets.UTF_8)));
    }

    /** Starts the close handshake; the server's close frame then arrives at {@link WsClient.Listener#onClose}. */
    void sendClose(int code, String reason) {
        loop.execute(() -> closeOutput(code, reason));
    }

    /** Drops the connection at once, without a close handshake and without further callbacks. */
    void abort() {
        loop.execute(() -> {
            closeChannel();
            opened.completeExceptionally(new IOException("aborted"));
        });
    }

    // --- on the loop thread ----------------------------------------------------------------------------------

    void start() {
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            state = State.CONNECTING;
            deadline = loop.deadline(this, handshakeTimeoutNanos);
            boolean connected = channel.connect(client.address);
            key = channel.register(loop.selector(), connected ? 0 : SelectionKey.OP_CONNECT, this);
            if (connected) {
                upgrade();
            }
        }
        catch (IOException | RuntimeException ex) {
            fail(ex);
        }
    }

    void ready(SelectionKey selected) {
        if (state == State.CLOSED) {
            return;
        }
        try {
            int ops = selected.readyOps();
            if ((ops & SelectionKey.OP_CONNECT) != 0 && channel.finishConnect()) {
                upgrade();
            }
            if ((ops & SelectionKey.OP_WRITE) != 0 && state != State.CLOSED) {
                flush();
            }
            if ((ops & SelectionKey.OP_READ) != 0 && state != State.CLOSED) {
                read();
            }
        }
        catch (IOException | RuntimeException ex) {
            fail(ex);
        }
    }

    /** A deadline passed: the opening handshake took too long, or the server never finished closing. */
    void expire(long at) {
        if (at != deadline || state == State.CLOSED) {
            return;
        }
        if (state.compareTo(State.OPEN) < 0) {
            fail(new SocketTimeoutException("WebSocket connect and upgrade not done within "
                    + handshakeTimeoutNanos / 1_000_000 + " ms"));
        }
        else if (!closeReceived) {
            fail(new SocketTimeoutException("no close frame from the server within 5 s of ours"));
        }
        else {
            closeChannel(); // the close handshake is done; the server just did not close TCP
        }
    }

    private void upgrade() throws IOException {
        state = State.UPGRADING;
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String secKey = Base64.getEncoder().encodeToString(nonce);
        byte[] digest = loop.sha1().digest((secKey + ACCEPT_GUID).getBytes(StandardCharsets.ISO_8859_1));
        expectedAccept = Base64.getEncoder().encodeToString(digest);
        key.interestOps(SelectionKey.OP_READ);
        write(ByteBuffer.wrap(client.upgradeRequest(secKey)));
    }

    private void read() throws IOException {
        int carried = leftover == null ? 0 : leftover.length;
        ByteBuffer in = loop.buffer(Math.max(needed, carried + READ_BYTES));
        if (leftover != null) {
            in.put(leftover);
            leftover = null;
        }
        int n = channel.read(in);
        in.flip();
        if (state == State.UPGRADING) {
            readHead(in);
        }
        while ((state == State.OPEN || state == State.CLOSING) && readFrame(in)) {
            // one frame at a time until the buffer holds no complete frame
        }
        if (state != State.CLOSED && in.hasRemaining()) {
            leftover = new byte[in.remaining()];
            in.get(leftover);
        }
        if (n < 0 && state != State.CLOSED) {
            endOfStream();
        }
    }

    private void readHead(ByteBuffer in) throws IOException {
        int start = in.position();
        int end = headEnd(in);
        if (end < 0) {
            if (in.remaining() > MAX_HEAD_BYTES) {
                throw new IOException("upgrade response head over " + MAX_HEAD_BYTES + " bytes");
            }
            return;
        }
        String head = new String(in.array(), in.arrayOffset() + start, end - start, StandardCharsets.ISO_8859_1);
        in.position(end);
        checkUpgrade(head);
        state = State.OPEN;
        deadline = 0;
        expectedAccept = null;
        listener.onOpen(this);
        opened.complete(this);
    }

    /** The position just after the head's blank line, or -1 while it has not arrived in full. */
    private static int headEnd(ByteBuffer in) {
        for (int i = in.position(); i + 3 < in.limit(); i++) {
            if (in.get(i) == '\r' && in.get(i + 1) == '\n' && in.get(i + 2) == '\r' && in.get(i + 3) == '\n') {
                return i + 4;
            }
        }
        return -1;
    }

    private void checkUpgrade(String head) throws IOException {
        String[] lines = head.split("\r\n");
        if (!lines[0].startsWith("HTTP/1.1 101")) {
            throw new IOException("upgrade refused: " + lines[0]);
        }
        boolean upgrade = false;
        boolean connection = false;
        String accept = null;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            switch (name) {
                case "upgrade" -> upgrade = value.equalsIgnoreCase("websocket");
                case "connection" -> connection = value.toLowerCase(Locale.ROOT).contains("upgrade");
                case "sec-websocket-accept" -> accept = value;
                case "sec-websocket-extensions" -> throw new IOException("extension not offered: " + value);
                default -> {
                    // other headers do not matter here
                }
            }
        }
        if (!upgrade || !connection) {
            throw new IOException("101 without Upgrade: websocket and Connection: Upgrade");
        }
        if (!expectedAccept.equals(accept)) {
            throw new IOException("Sec-WebSocket-Accept " + accept + ", expected " + expectedAccept);
        }
    }

    /** Consumes one complete frame; false (nothing consumed) while the buffer holds only part of one. */
    private boolean readFrame(ByteBuffer in) throws IOException {
        int start = in.position();
        int available = in.remaining();
        if (available < 2) {
            return false;
        }
        int b0 = in.get(start) & 0xff;
        int b1 = in.get(start + 1) & 0xff;
        if ((b1 & 0x80) != 0 || (b0 & 0x70) != 0) {
            throw new IOException("protocol error: masked server frame or reserved bits set");
        }
        int header = 2;
        long length = b1 & 0x7f;
        if (length == 126) {
            header = 4;
            if (available < header) {
                return false;
            }
            length = in.getShort(start + 2) & 0xffff;
        }
        else if (length == 127) {
            header = 10;
            if (available < header) {
                return false;
            }
            length = in.getLong(start + 2);
        }
        if (length < 0 || length > MAX_MESSAGE_BYTES) {
            throw new IOException("frame of " + length + " bytes");
        }
        int total = header + (int) length;
        if (available < total) {
            needed = total;
            return false;
        }
        needed = 0;
        in.position(start + total);
        frame((b0 & 0x80) != 0, b0 & 0x0f, in.array(), in.arrayOffset() + start + header, (int) length);
        return true;
    }

    private void frame(boolean fin, int opcode, byte[] bytes, int offset, int length) throws IOException {
        if (opcode >= CLOSE && (!fin || length > 125)) {
            throw new IOException("protocol error: fragmented or oversized control frame");
        }
        switch (opcode) {
            case TEXT, BINARY -> data(fin, opcode, bytes, offset, length);
            case CONTINUATION -> continuation(fin, bytes, offset, length);
            case CLOSE -> closeFrame(bytes, offset, length);
            case PING -> send(PONG, Arrays.copyOfRange(bytes, offset, offset + length));
            case PONG -> {
                // we send no pings
            }
            default -> throw new IOException("protocol error: opcode " + opcode);
        }
    }

    private void data(boolean fin, int opcode, byte[] bytes, int offset, int length) throws IOException {
        if (fragments != null) {
            throw new IOException("protocol error: a new message inside a fragmented one");
        }
        if (fin) {
            deliver(opcode, bytes, offset, length);
            return;
        }
        fragments = new ByteArrayOutputStream(Math.max(256, length * 2));
        fragmentsOpcode = opcode;
        fragments.write(bytes, offset, length);
    }

    private void continuation(boolean fin, byte[] bytes, int offset, int length) throws IOException {
        if (fragments == null) {
            throw new IOException("protocol error: continuation without a message");
        }
        fragments.write(bytes, offset, length);
        if (fragments.size() > MAX_MESSAGE_BYTES) {
            throw new IOException("message over " + MAX_MESSAGE_BYTES + " bytes");
        }
        if (fin) {
            byte[] whole = fragments.toByteArray();
            fragments = null;
            deliver(fragmentsOpcode, whole, 0, whole.length);
        }
    }

    /** Text goes to the listener (UTF-8 decoded only once whole, as a character may span fragments). */
    private void deliver(int opcode, byte[] bytes, int offset, int length) {
        if (opcode == TEXT && !closeReceived) {
            listener.onText(this, new String(bytes, offset, length, StandardCharsets.UTF_8));
        }
        // binary: the protocol has none; ignored
    }

    private void closeFrame(byte[] bytes, int offset, int length) {
        if (closeReceived) {
            return;
        }
        int code = length >= 2 ? (bytes[offset] & 0xff) << 8 | bytes[offset + 1] & 0xff : NO_STATUS;
        String reason = length > 2 ? new String(bytes, offset + 2, length - 2, StandardCharsets.UTF_8) : "";
        closeReceived = true;
        closeOutput(code == NO_STATUS ? 1000 : code, ""); // answer with the same status, as RFC 6455 5.5.1 asks
        listener.onClose(this, code, reason);
    }

    private void closeOutput(int code, String reason) {
        if (closeSent || state == State.CLOSED || state.compareTo(State.OPEN) < 0) {
            return;
        }
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[2 + text.length];
        payload[0] = (byte) (code >>> 8);
        payload[1] = (byte) code;
        System.arraycopy(text, 0, payload, 2, text.length);
        send(CLOSE, payload);
        if (state != State.CLOSED) {
            closeSent = true;
            state = State.CLOSING;
            deadline = loop.deadline(this, CLOSE_TIMEOUT_NANOS);
        }
    }

    private void endOfStream() {
        if (state.compareTo(State.OPEN) < 0) {
            fail(new IOException("connection closed by the server during the opening handshake"));
        }
        else if (!closeReceived) {
            fail(new IOException("connection closed by the server without a close frame"));
        }
        else {
            closeChannel();
        }
    }

    private void fail(Throwable failure) {
        if (state == State.CLOSED) {
            return;
        }
        boolean opening = state.compareTo(State.OPEN) < 0;
        closeChannel();
        if (opening) {
            opened.completeExceptionally(failure);
        }
        listener.onError(this, failure);
    }

    private void closeChannel() {
        state = State.CLOSED;
        deadline = 0;
        leftover = null;
        unwritten = null;
        fragments = null;
        if (channel != null) {
            try {
                channel.close();
            }
            catch (IOException ignored) {
                // closed either way
            }
        }
    }

    // --- output ----------------------------------------------------------------------------------------------

    private void send(int opcode, byte[] payload) {
        if (closeSent || state.compareTo(State.OPEN) < 0 || state == State.CLOSED) {
            return;
        }
        try {
            write(frame(opcode, payload));
        }
        catch (IOException | RuntimeException ex) {
            fail(ex);
        }
    }

    /**
     * A client frame: FIN, opcode, masked length, masking key, masked payload (RFC 6455 5.3: clients MUST mask).
     * The key comes from a fast PRNG rather than a SecureRandom: masking protects proxies from crafted payloads,
     * and this client talks to its own server on loopback.
     */
    static ByteBuffer frame(int opcode, byte[] payload) {
        int length = payload.length;
        int header = length < 126 ? 2 : length < 65536 ? 4 : 10;
        byte[] frame = new byte[header + 4 + length];
        frame[0] = (byte) (0x80 | opcode);
        if (length < 126) {
            frame[1] = (byte) (0x80 | length);
        }
        else if (length < 65536) {
            frame[1] = (byte) (0x80 | 126);
            frame[2] = (byte) (length >>> 8);
            frame[3] = (byte) length;
        }
        else {
            frame[1] = (byte) (0x80 | 127);
            for (int i = 0; i < 8; i++) {
                frame[2 + i] = (byte) ((long) length >>> (56 - 8 * i));
            }
        }
        int mask = ThreadLocalRandom.current().nextInt();
        for (int i = 0; i < 4; i++) {
            frame[header + i] = (byte) (mask >>> (24 - 8 * i));
        }
        for (int i = 0; i < length; i++) {
            frame[header + 4 + i] = (byte) (payload[i] ^ frame[header + (i & 3)]);
        }
        return ByteBuffer.wrap(frame);
    }

    private void write(ByteBuffer data) throws IOException {
        if (unwritten != null) {
            unwritten = append(unwritten, data);
            return;
        }
        channel.write(data);
        if (data.hasRemaining()) {
            unwritten = append(ByteBuffer.allocate(Math.max(1024, data.remaining())), data);
            key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
        }
    }

    private static ByteBuffer append(ByteBuffer buffer, ByteBuffer data) {
        if (buffer.remaining() < data.remaining()) {
            ByteBuffer larger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + data.remaining()));
            buffer.flip();
            larger.put(buffer);
            buffer = larger;
        }
        return buffer.put(data);
    }

    private void flush() throws IOException {
        if (unwritten == null) {
            return;
        }
        unwritten.flip();
        channel.write(unwritten);
        if (unwritten.hasRemaining()) {
            unwritten.compact();
            return;
        }
        unwritten = null;
        key.interestOps(key.interestOps() & ~SelectionKey.OP_WRITE);
    }
}
