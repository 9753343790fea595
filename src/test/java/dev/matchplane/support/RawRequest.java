package dev.matchplane.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP/1.1 request for {@link RawHttp}, built without any validation (that is the point): headers are written
 * exactly as given, a raw request line is sent as is.
 */
public final class RawRequest {

    private final String method;
    private final String target;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();
    private byte[] body = new byte[0];
    private boolean chunked;
    private final String raw;

    public RawRequest(String method, String target) {
        this.method = method;
        this.target = target;
        this.raw = null;
    }

    public RawRequest(String raw) {
        this.method = raw.substring(0, raw.indexOf(' '));
        this.target = raw.substring(raw.indexOf(' ') + 1).split("[ \r]")[0];
        this.raw = raw;
    }

    public String target() {
        return target;
    }

    /** A request line without an HTTP version, as a raw CR or LF in the target produces. */
    public boolean isHttp09() {
        return raw != null && !raw.substring(0, raw.indexOf('\n')).trim().endsWith("HTTP/1.1");
    }

    public RawRequest header(String name, String value) {
        if (value == null) {
            headers.remove(name);
        }
        else {
            headers.put(name, value);
        }
        return this;
    }

    /** A second header of a name already set. */
    public RawRequest extra(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    public RawRequest json(String json) {
        return header("Content-Type", "application/json").body(json);
    }

    public RawRequest body(String text) {
        return body(text.getBytes(StandardCharsets.UTF_8));
    }

    public RawRequest body(byte[] bytes) {
        this.body = bytes;
        return this;
    }

    public RawRequest chunked(String text) {
        this.chunked = true;
        return body(text);
    }

    public byte[] bytes() {
        if (raw != null) {
            return raw.getBytes(StandardCharsets.UTF_8);
        }
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: localhost\r\nConnection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        extraHeaders.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (chunked) {
            head.append("Transfer-Encoding: chunked\r\n");
        }
        else if (body.length > 0 || "POST".equals(method) || "PUT".equals(method)) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        if (chunked) {
            for (int at = 0; at < body.length; at += 4096) {
                int size = Math.min(4096, body.length - at);
                out.writeBytes((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, at, size);
                out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        else {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }
}
