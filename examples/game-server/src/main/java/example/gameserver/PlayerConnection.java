package example.gameserver;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.util.JSONObjectUtils;
import example.gameserver.WebSocketFrames.Frame;
import example.gameserver.WebSocketFrames.ProtocolViolation;

/**
 * One player's socket: the handshake, the token check before anything is upgraded, the welcome message, then frames
 * until the client closes. A real game would hand the verified {@link Player} to its land here.
 */
final class PlayerConnection implements Runnable {

    private static final System.Logger LOG = System.getLogger(PlayerConnection.class.getName());

    /** A client that has not finished its handshake by then is a scanner or stuck; free the thread. */
    private static final int HANDSHAKE_TIMEOUT_MS = 10_000;
    /** Player input is small; a bigger frame is a bug or an attack. */
    private static final int MAX_PAYLOAD = 64 * 1024;

    private final Socket socket;
    private final String landType;
    private final MatchTokenVerifier verifier;
    /** Set by the connection's thread, read by the shutdown thread in {@link #goAway()}. */
    private volatile OutputStream out;
    private volatile boolean upgraded;

    PlayerConnection(Socket socket, String landType, MatchTokenVerifier verifier) {
        this.socket = socket;
        this.landType = landType;
        this.verifier = verifier;
    }

    @Override
    public void run() {
        try (socket) {
            socket.setSoTimeout(HANDSHAKE_TIMEOUT_MS);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            out = new BufferedOutputStream(socket.getOutputStream());
            Player player = admit(in);
            if (player != null) {
                upgraded = true;
                socket.setSoTimeout(0);
                LOG.log(Level.INFO, "Player ''{0}'' joined land ''{1}''", player.playerId(), player.landId());
                send(WebSocketFrames.TEXT, welcome(player).getBytes(StandardCharsets.UTF_8));
                readUntilClosed(in);
                LOG.log(Level.INFO, "Player ''{0}'' left land ''{1}''", player.playerId(), player.landId());
            }
        }
        catch (IOException ex) {
            LOG.log(Level.DEBUG, "Connection ended: {0}", ex.getMessage());
        }
    }

    /** Sends 1001 so the client knows to reconnect elsewhere rather than retry here; then the socket closes. */
    void goAway() {
        try {
            if (upgraded) {
                send(WebSocketFrames.CLOSE, WebSocketFrames.closePayload(WebSocketFrames.GOING_AWAY));
            }
        }
        catch (IOException ex) {
            // the socket is being closed anyway
        }
        closeQuietly();
    }

    /**
     * Answers the handshake: 101 only for a valid token for this land, so an unauthorised client never holds an
     * open WebSocket. Returns the admitted player, or null after answering with an error status.
     */
    private Player admit(InputStream in) throws IOException {
        UpgradeRequest request;
        try {
            request = UpgradeRequest.read(in);
        }
        catch (IllegalArgumentException ex) {
            return refuse(400, "Bad Request", "malformed request");
        }
        if (!request.isWebSocketUpgrade()) {
            return refuse(400, "Bad Request", "expected a WebSocket upgrade");
        }
        if (!request.path().equals("/game/" + landType)) {
            return refuse(404, "Not Found", "this server hosts /game/" + landType);
        }
        String landId = request.query("landId");
        String token = request.query("token");
        if (landId == null || token == null) {
            return refuse(401, "Unauthorized", "landId and token are required");
        }
        try {
            Player player = verifier.verify(token, landId);
            writeHttp(WebSocketFrames.switchingProtocols(request.header("sec-websocket-key")), new byte[0]);
            return player;
        }
        catch (TokenRejectedException ex) {
            // The landId comes from the client: control characters could forge log lines.
            LOG.log(Level.INFO, "Refused a player for land ''{0}'': {1}", landId.replaceAll("\\p{Cntrl}", "?"),
                    ex.getMessage());
            return refuse(401, "Unauthorized", "invalid match token: " + ex.getMessage());
        }
        catch (KeySourceException ex) {
            LOG.log(Level.WARNING, "Cannot fetch Matchplane''s JWKS: {0}", ex.getMessage());
            return refuse(503, "Service Unavailable", "cannot verify tokens right now");
        }
    }

    private void readUntilClosed(InputStream in) throws IOException {
        try {
            while (true) {
                Frame frame = WebSocketFrames.read(in, MAX_PAYLOAD);
                switch (frame.opcode()) {
                    case WebSocketFrames.CLOSE -> {
                        // Echo the client's status code: RFC 6455 §5.5.1 ends the closing handshake this way.
                        send(WebSocketFrames.CLOSE, frame.payload().length >= 2
                                ? new byte[] { frame.payload()[0], frame.payload()[1] }
                                : WebSocketFrames.closePayload(WebSocketFrames.NORMAL_CLOSURE));
                        return;
                    }
                    case WebSocketFrames.PING -> send(WebSocketFrames.PONG, frame.payload());
                    case WebSocketFrames.TEXT, WebSocketFrames.BINARY, WebSocketFrames.CONTINUATION,
                            WebSocketFrames.PONG -> {
                        // A real game decodes player input here; the example only keeps the socket open.
                    }
                    default -> throw new ProtocolViolation(WebSocketFrames.PROTOCOL_ERROR,
                            "unknown opcode " + frame.opcode());
                }
            }
        }
        catch (ProtocolViolation ex) {
            send(WebSocketFrames.CLOSE, WebSocketFrames.closePayload(ex.closeCode));
            throw ex;
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

    private Player refuse(int status, String reason, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String challenge = status == 401 ? "WWW-Authenticate: Bearer error=\"invalid_token\"\r\n" : "";
        writeHttp("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: " + bytes.length + "\r\n" + challenge + "Connection: close\r\n\r\n", bytes);
        return null;
    }

    private synchronized void writeHttp(String head, byte[] body) throws IOException {
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    /** Synchronised: {@link #goAway()} runs on the shutdown thread while this connection's thread may be sending. */
    private synchronized void send(int opcode, byte[] payload) throws IOException {
        WebSocketFrames.write(out, opcode, payload);
    }

    private void closeQuietly() {
        try {
            socket.close();
        }
        catch (IOException ex) {
            // nothing left to do
        }
    }
}
