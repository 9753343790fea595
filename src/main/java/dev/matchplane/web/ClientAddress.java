package dev.matchplane.web;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** Which address a request counts against, for per-client limits. */
public final class ClientAddress {

    /** IPv4 or IPv6 literal characters; anything else in a forwarded header is ignored, never used as a key. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private ClientAddress() {
    }

    /**
     * The socket's peer address, or, when the operator trusts the proxy in front, the first hop of
     * {@code X-Forwarded-For} (the client as the proxy saw it). Only the first hop is read: the rest of the list is
     * whatever earlier hops claimed. A first hop that is not an IP literal is ignored.
     */
    public static String of(String remoteAddress, @Nullable String forwardedFor, boolean trustForwardedFor) {
        if (!trustForwardedFor || forwardedFor == null) {
            return remoteAddress;
        }
        int comma = forwardedFor.indexOf(',');
        String firstHop = (comma < 0 ? forwardedFor : forwardedFor.substring(0, comma)).trim();
        return IP_LITERAL.matcher(firstHop).matches() ? firstHop : remoteAddress;
    }
}
