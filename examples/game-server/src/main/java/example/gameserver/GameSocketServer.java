package example.gameserver;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.extensions.DefaultExtension;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

/**
 * Players' WebSockets, on Java-WebSocket: the library does the handshake and RFC 6455 framing (masking, RSV bits,
 * control-frame sizes, UTF-8 of text frames), and closes with {@code 1002} on a protocol error and {@code 1009} on a
 * message above {@link #MAX_MESSAGE_BYTES}. This class decides who may join, in the handshake hook, and what an
 * admitted player receives. A real game would hand the verified {@link Player} to its land in {@link #onOpen}.
 */
final class GameSocketServer extends WebSocketServer {

    private static final System.Logger LOG = System.getLogger(GameSocketServer.class.getName());

    /** Player input is small; a bigger message (or fragmented message) is a bug or an attack: closed with 1009. */
    static final int MAX_MESSAGE_BYTES = 64 * 1024;
    private static final long START_TIMEOUT_SECONDS = 10;
    /** How long connected players get to answer the 1001 close frame on shutdown. */
    private static final int STOP_TIMEOUT_MS = 1_000;
    /** RFC 6455 §5.5: a close frame's payload is at most 125 bytes, 2 of them the code. */
    private static final int MAX_REASON_CHARS = 100;

    private final String landType;
    private final MatchTokenVerifier verifier;
    private final Lands lands;
    private final CompletableFuture<Void> started = new CompletableFuture<>();

    private GameSocketServer(InetSocketAddress address, String landType, MatchTokenVerifier verifier, Lands lands) {
        super(address, List.<Draft>of(new Draft_6455(List.of(new DefaultExtension()), MAX_MESSAGE_BYTES)));
        this.landType = landType;
        this.verifier = verifier;
        this.lands = lands;
        setReuseAddr(true);
    }

    /**
     * Binds and waits until the socket listens, so the caller knows the port before it tells Matchplane where
     * players should connect. The library's selector thread is not a daemon: in the standalone server it is what
     * keeps the JVM running.
     */
    static GameSocketServer listen(InetSocketAddress address, String landType, MatchTokenVerifier verifier,
            Lands lands) throws IOException, InterruptedException {
        GameSocketServer server = new GameSocketServer(address, landType, verifier, lands);
        server.start();
        try {
            server.started.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return server;
        }
        catch (ExecutionException ex) {
            throw new IOException("Cannot listen on " + address + ": " + ex.getCause().getMessage(), ex.getCause());
        }
        catch (TimeoutException ex) {
            server.close();
            throw new IOException("Not listening on " + address + " after " + START_TIMEOUT_SECONDS + " s", ex);
        }
    }

    /**
     * The handshake hook: decides before the {@code 101} answer. A wrong path is refused outright (Java-WebSocket
     * answers such refusals with {@code 404}). A token is verified here, but a bad one is answered by upgrading and
     * closing at once with {@code 1008} and the reason, before anything else is sent: the library can only refuse a
     * handshake with a 404, and browsers show no handshake status to the page at all, while every client can read a
     * close code. Blocking here (a JWKS fetch, at most every few minutes) holds one of the library's decoder threads.
     */
    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
            ClientHandshake request) throws InvalidDataException {
        JoinRequest join = JoinRequest.parse(request.getResourceDescriptor());
        if (!join.path().equals("/game/" + landType)) {
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "this server hosts /game/" + landType);
        }
        conn.setAttachment(admit(join));
        return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    }

    /** The {@link Player} the token admits, or the {@link Refusal} to close with. */
    private Object admit(JoinRequest join) {
        if (join.landId() == null || join.token() == null) {
            return new Refusal(CloseFrame.POLICY_VALIDATION, "landId and token are required");
        }
        try {
            return verifier.verify(join.token(), join.landId());
        }
        catch (TokenRejectedException ex) {
            LOG.log(Level.INFO, "Refused a player for land ''{0}'': {1}", join.loggableLandId(), ex.getMessage());
            return new Refusal(CloseFrame.POLICY_VALIDATION, "invalid match token: " + ex.getMessage());
        }
        catch (KeySourceException ex) {
            // Our problem, not the player's: 1013 tells the client to retry rather than give up on its token.
            LOG.log(Level.WARNING, "Cannot fetch Matchplane''s JWKS: {0}", ex.getMessage());
            return new Refusal(CloseFrame.TRY_AGAIN_LATER, "cannot verify tokens right now");
        }
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        Object admission = conn.getAttachment();
        if (admission instanceof Player player) {
            LOG.log(Level.INFO, "Player ''{0}'' joined land ''{1}''", player.playerId(), player.landId());
            lands.joined(player);
            conn.send(welcome(player));
        }
        else {
            Refusal refusal = (Refusal) admission;
            conn.close(refusal.code(), refusal.reason());
        }
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        // A real game decodes player input here; the example only keeps the socket open.
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        if (conn.getAttachment() instanceof Player player) {
            LOG.log(Level.INFO, "Player ''{0}'' left land ''{1}'' ({2,number,#})", player.playerId(),
                    player.landId(), code);
            lands.left(player);
        }
    }

    /** With no connection: the server itself failed (e.g. the port is taken), which fails {@link #listen}. */
    @Override
    public void onError(WebSocket conn, Exception ex) {
        if (conn == null) {
            started.completeExceptionally(ex);
        }
        LOG.log(Level.DEBUG, "WebSocket error: {0}", ex.getMessage());
    }

    @Override
    public void onStart() {
        started.complete(null);
    }

    /** Stops accepting and tells every connected player {@code 1001 Going Away}, so it reconnects elsewhere. */
    void close() {
        try {
            stop(STOP_TIMEOUT_MS, "server shutting down");
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static String welcome(Player player) {
        Map<String, Object> welcome = new LinkedHashMap<>();
        welcome.put("type", "welcome");
        welcome.put("playerId", player.playerId());
        welcome.put("landId", player.landId());
        welcome.put("matchId", player.matchId());
        return JSONObjectUtils.toJSONString(welcome);
    }

    /** A handshake whose token did not verify: upgraded only to be closed with this code and reason. */
    private record Refusal(int code, String reason) {

        private Refusal {
            reason = reason.length() > MAX_REASON_CHARS ? reason.substring(0, MAX_REASON_CHARS) : reason;
        }
    }
}
