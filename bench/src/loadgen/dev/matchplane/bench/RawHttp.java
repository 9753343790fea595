package dev.matchplane.bench;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A blocking HTTP/1.1 keep-alive client over one socket. The closed-loop scenarios use it instead of
 * java.net.http.HttpClient because on a 2-core machine the load generator competes with the server for CPU: a
 * client that costs a few microseconds per request lets the figures describe the server, not the client.
 * Reconnects when the server closes the connection (Tomcat's keep-alive request limit).
 */
final class RawHttp implements AutoCloseable {

    private final String host;
    private final int port;
    private final byte[] buf = new byte[64 * 1024];
    private Socket socket;
    private OutputStream out;
    private InputStream in;
    private int pos;
    private int lim;
    private String body = "";
    private boolean closeAfter;
    long reconnects;

    /** Registers a game server for {@code landType} (its id is {@code srv-<landType>}), so its queues match. */
    static void registerServer(String host, int port, String landType) throws IOException {
        try (RawHttp http = new RawHttp(host, port)) {
            int status = http.post("/v1/provisioning/servers/register", "{\"serverId\":\"srv-" + landType
                    + "\",\"host\":\"127.0.0.1\",\"port\":7777,\"landType\":\"" + landType + "\"}");
            if (status != 200) {
                throw new IOException("register failed: " + status + " " + http.body());
            }
        }
    }

    RawHttp(String host, int port) throws IOException {
        this.host = host;
        this.port = port;
        connect();
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        socket.setSoTimeout(30_000);
        out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        in = socket.getInputStream();
        pos = 0;
        lim = 0;
    }

    /** The body of the last response. */
    String body() {
        return body;
    }

    int get(String path) throws IOException {
        return get(path, null);
    }

    /** @param token a player token sent as {@code Authorization: Bearer}, or null */
    int get(String path, String token) throws IOException {
        return exchange(("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n" + authorization(token)
                + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    int post(String path, String json) throws IOException {
        return post(path, json, null);
    }

    int post(String path, String json, String token) throws IOException {
        return send("POST", path, json, token);
    }

    int put(String path, String json) throws IOException {
        return send("PUT", path, json, null);
    }

    private int send(String method, String path, String json, String token) throws IOException {
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = (method + " " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n" + authorization(token)
                + "Content-Type: application/json\r\nContent-Length: " + payload.length + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] request = new byte[head.length + payload.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(payload, 0, request, head.length, payload.length);
        return exchange(request);
    }

    private static String authorization(String token) {
        return token == null ? "" : "Authorization: Bearer " + token + "\r\n";
    }

    private int exchange(byte[] request) throws IOException {
        if (socket.isClosed()) {
            reconnects++;
            connect();
        }
        out.write(request);
        out.flush();
        int status = readResponse();
        if (closeAfter) {
            socket.close();
        }
        return status;
    }

    private int readResponse() throws IOException {
        String statusLine = readLine();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        closeAfter = false;
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("content-length")) {
                length = Long.parseLong(value);
            }
            else if (name.equalsIgnoreCase("transfer-encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            }
            else if (name.equalsIgnoreCase("connection") && value.equalsIgnoreCase("close")) {
                closeAfter = true;
            }
        }
        body = chunked ? readChunked() : new String(readBytes((int) Math.max(0, length)), StandardCharsets.UTF_8);
        return status;
    }

    private String readChunked() throws IOException {
        StringBuilder text = new StringBuilder();
        while (true) {
            int size = Integer.parseInt(readLine().trim().split(";")[0], 16);
            if (size == 0) {
                while (!readLine().isEmpty()) {
                    // trailers
                }
                return text.toString();
            }
            text.append(new String(readBytes(size), StandardCharsets.UTF_8));
            readLine();
        }
    }

    private byte[] readBytes(int n) throws IOException {
        byte[] bytes = new byte[n];
        int filled = 0;
        while (filled < n) {
            if (pos == lim) {
                fill();
            }
            int take = Math.min(n - filled, lim - pos);
            System.arraycopy(buf, pos, bytes, filled, take);
            pos += take;
            filled += take;
        }
        return bytes;
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            if (pos == lim) {
                fill();
            }
            byte b = buf[pos++];
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
    }

    private void fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n < 0) {
            throw new EOFException("server closed the connection");
        }
        pos = 0;
        lim = n;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
