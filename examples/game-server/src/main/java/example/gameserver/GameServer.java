package example.gameserver;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The example game server: listens for players, registers with Matchplane, heartbeats, and deregisters on
 * {@link #close()}. {@link GameServerMain} runs it from the command line; tests start it in-process.
 */
public final class GameServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(GameServer.class.getName());
    private static final long BACKFILL_RENEWAL_SECONDS = 10;

    private final Options options;
    private final MatchplaneClient matchplane;
    private final GameSocketServer sockets;
    private final Lands lands;
    private final ScheduledExecutorService heartbeats;
    private final AtomicBoolean closed = new AtomicBoolean();

    private GameServer(Options options, MatchplaneClient matchplane, GameSocketServer sockets, Lands lands) {
        this.options = options;
        this.matchplane = matchplane;
        this.sockets = sockets;
        this.lands = lands;
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "matchplane-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Listens first and registers second, so the first player Matchplane sends never finds a closed port. The first
     * registration must succeed: a wrong URL or API key should stop the server now, not after 90 silent seconds.
     */
    public static GameServer start(Options options) throws IOException, InterruptedException {
        MatchplaneClient matchplane = new MatchplaneClient(options);
        MatchTokenVerifier verifier = new MatchTokenVerifier(matchplane.jwksUrl(), options.issuer(),
                options.audience(), options.serverId());
        Lands lands = new Lands(matchplane);
        GameSocketServer sockets = GameSocketServer.listen(new InetSocketAddress(options.bind(), options.port()),
                options.landType(), verifier, lands);
        GameServer server = new GameServer(options, matchplane, sockets, lands);
        try {
            matchplane.register(sockets.getPort());
        }
        catch (IOException | InterruptedException | RuntimeException ex) {
            sockets.close();
            lands.close();
            throw ex;
        }
        long period = options.heartbeat().toMillis();
        server.heartbeats.scheduleAtFixedRate(server::heartbeat, period, period, TimeUnit.MILLISECONDS);
        // well within Matchplane's backfill TTL (30 s by default), so an open request never lapses
        server.heartbeats.scheduleAtFixedRate(lands::renewBackfills, BACKFILL_RENEWAL_SECONDS,
                BACKFILL_RENEWAL_SECONDS, TimeUnit.SECONDS);
        LOG.log(Level.INFO, "Game server ''{0}'' registered for landType ''{1}'' on port {2,number,#}",
                options.serverId(), options.landType(), sockets.getPort());
        return server;
    }

    /** The port players connect to: the one given, or the one picked when {@code --port 0} was given. */
    public int port() {
        return sockets.getPort();
    }

    /** Deregisters before closing sockets, so Matchplane stops placing lands here while players are told to go. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        heartbeats.shutdownNow();
        try {
            matchplane.deregister();
            LOG.log(Level.INFO, "Game server ''{0}'' deregistered", options.serverId());
        }
        catch (IOException ex) {
            // Not fatal: Matchplane stops choosing a server whose heartbeats stop (90 s by default).
            LOG.log(Level.WARNING, "Deregistering ''{0}'' failed: {1}", options.serverId(), ex.getMessage());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        sockets.close();
        lands.close();
    }

    /** A failed beat is only logged: the next one retries, and Matchplane tolerates two missed beats by default. */
    private void heartbeat() {
        try {
            matchplane.register(sockets.getPort());
        }
        catch (IOException ex) {
            LOG.log(Level.WARNING, "Heartbeat of ''{0}'' failed: {1}", options.serverId(), ex.getMessage());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
