package dev.matchplane.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A minimal Redis (RESP2) client: the bench reads INFO, counts and statuses, and cleans its own keys. */
final class Resp implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    /** {@code url}: {@code redis://[[user]:password@]host[:port][/db]}. */
    Resp(String url) throws IOException {
        URI uri = URI.create(url);
        socket = new Socket();
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6379), 5_000);
        socket.setSoTimeout(60_000);
        socket.setTcpNoDelay(true);
        out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        String userInfo = uri.getUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            if (colon > 0) {
                call("AUTH", userInfo.substring(0, colon), userInfo.substring(colon + 1));
            }
            else {
                call("AUTH", colon == 0 ? userInfo.substring(1) : userInfo);
            }
        }
        String path = uri.getPath();
        if (path != null && path.length() > 1) {
            call("SELECT", path.substring(1));
        }
    }

    Object call(String... args) throws IOException {
        write(args);
        out.flush();
        return read();
    }

    /** Sends every command, then reads every reply: one round trip for the lot. */
    List<Object> pipeline(List<String[]> commands) throws IOException {
        List<Object> replies = new ArrayList<>(commands.size());
        int sent = 0;
        int read = 0;
        while (read < commands.size()) {
            // bounded batches keep both socket buffers from filling up and deadlocking
            int batchEnd = Math.min(commands.size(), sent + 1000);
            for (; sent < batchEnd; sent++) {
                write(commands.get(sent));
            }
            out.flush();
            for (; read < sent; read++) {
                replies.add(read());
            }
        }
        return replies;
    }

    long number(String... args) throws IOException {
        return (Long) call(args);
    }

    /** INFO section as key → value. */
    Map<String, String> info(String section) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : ((String) call("INFO", section)).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                values.put(line.substring(0, colon), line.substring(colon + 1));
            }
        }
        return values;
    }

    /** Calls per command from INFO commandstats ({@code cmdstat_hset:calls=12,...} → hset=12). */
    Map<String, Long> commandCalls() throws IOException {
        Map<String, Long> calls = new LinkedHashMap<>();
        info("commandstats").forEach((key, value) -> {
            if (key.startsWith("cmdstat_")) {
                String count = value.substring(value.indexOf("calls=") + 6);
                calls.put(key.substring(8), Long.parseLong(count.substring(0, count.indexOf(','))));
            }
        });
        return calls;
    }

    /** Removes every key under {@code prefix} (SCAN + UNLINK, never KEYS); returns how many. */
    long deletePrefix(String prefix) throws IOException {
        long deleted = 0;
        String cursor = "0";
        do {
            @SuppressWarnings("unchecked")
            List<Object> reply = (List<Object>) call("SCAN", cursor, "MATCH", prefix + "*", "COUNT", "1000");
            cursor = (String) reply.get(0);
            @SuppressWarnings("unchecked")
            List<Object> keys = (List<Object>) reply.get(1);
            if (!keys.isEmpty()) {
                String[] command = new String[keys.size() + 1];
                command[0] = "UNLINK";
                for (int i = 0; i < keys.size(); i++) {
                    command[i + 1] = (String) keys.get(i);
                }
                deleted += number(command);
            }
        } while (!cursor.equals("0"));
        return deleted;
    }

    private void write(String[] args) throws IOException {
        out.write(('*' + Integer.toString(args.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (String arg : args) {
            byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
            out.write(('$' + Integer.toString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.write('\r');
            out.write('\n');
        }
    }

    private Object read() throws IOException {
        int type = in.read();
        String line = readLine();
        switch (type) {
            case '+':
                return line;
            case '-':
                throw new IOException("Redis error: " + line);
            case ':':
                return Long.parseLong(line);
            case '$': {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    return null;
                }
                byte[] bytes = in.readNBytes(length + 2);
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            case '*': {
                int count = Integer.parseInt(line);
                if (count < 0) {
                    return null;
                }
                List<Object> items = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    items.add(read());
                }
                return items;
            }
            default:
                throw new IOException("Unexpected RESP type " + type);
        }
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\r'; b = in.read()) {
            if (b < 0) {
                throw new IOException("Redis closed the connection");
            }
            line.append((char) b);
        }
        in.read();
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
