package dev.matchplane.token;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Writes one flat JSON object of string and integer members (RFC 8259), for token headers and claims. Written by
 * hand because a JSON mapper per token cost more than the rest of an ES256 signature's overhead. The escaping is the
 * one the tokens had when jjwt wrote them with gson, so the bytes did not change: {@code "} and {@code \}, the
 * two-character forms for backspace, tab, newline, form feed and carriage return, {@code \}{@code u00XX} for every
 * other control character below 0x20, and {@code \}{@code u2028}/{@code \}{@code u2029}, which JavaScript sources
 * cannot hold. Everything else, non-ASCII included, is written as itself in UTF-8.
 */
final class JsonObjectWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder json;

    JsonObjectWriter(int expectedLength) {
        json = new StringBuilder(expectedLength).append('{');
    }

    JsonObjectWriter string(String name, String value) {
        name(name);
        quoted(value);
        return this;
    }

    /** Writes the member only if the value has a non-whitespace character. */
    JsonObjectWriter stringUnlessBlank(String name, String value) {
        return value.isBlank() ? this : string(name, value);
    }

    JsonObjectWriter number(String name, long value) {
        name(name);
        json.append(value);
        return this;
    }

    /**
     * Closes the object and returns it as UTF-8; the writer is done after this. A lone surrogate has no UTF-8 form
     * and becomes {@code ?}, as it did before; player ids are restricted to ASCII anyway.
     */
    byte[] toUtf8() {
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private void name(String name) {
        if (json.length() > 1) {
            json.append(',');
        }
        quoted(name);
        json.append(':');
    }

    private void quoted(String value) {
        json.append('"');
        int plainFrom = 0;
        for (int i = 0; i < value.length(); i++) {
            String escape = escape(value.charAt(i));
            if (escape != null) {
                json.append(value, plainFrom, i).append(escape);
                plainFrom = i + 1;
            }
        }
        json.append(value, plainFrom, value.length()).append('"');
    }

    /** The escape sequence of a character that needs one, else null. */
    private static @Nullable String escape(char c) {
        if (c >= 0x20 && c != '"' && c != '\\' && c != '\u2028' && c != '\u2029') {
            return null;
        }
        return switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\b' -> "\\b";
            case '\t' -> "\\t";
            case '\n' -> "\\n";
            case '\f' -> "\\f";
            case '\r' -> "\\r";
            default -> new String(new char[] { '\\', 'u', HEX[c >> 12], HEX[(c >> 8) & 0xf], HEX[(c >> 4) & 0xf],
                    HEX[c & 0xf] });
        };
    }
}
