package example.gameserver;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Accepts player sockets and runs each {@link PlayerConnection} on its own thread. A blocking thread per player is
 * the simplest correct design for the tens of players a land holds; a large fleet server would use NIO instead.
 */
final class GameSocketServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(GameSocketServer.class.getName());

    private final ServerSocket serverSocket;
    private final Function<Socket, PlayerConnection> connections;
    private final Set<PlayerConnection> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads;
    private final Thread acceptor;

    private GameSocketServer(ServerSocket serverSocket, Function<Socket, PlayerConnection> connections) {
        this.serverSocket = serverSocket;
        this.connections = connections;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "player-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // Not a daemon: in the standalone server this thread is what keeps the JVM running.
        this.acceptor = new Thread(this::acceptUntilClosed, "game-socket-acceptor");
    }

    /** Binds at once, so the caller knows the port before it tells Matchplane where players should connect. */
    static GameSocketServer listen(InetSocketAddress address, Function<Socket, PlayerConnection> connections)
            throws IOException {
        ServerSocket serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(address);
        GameSocketServer server = new GameSocketServer(serverSocket, connections);
        server.acceptor.start();
        return server;
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    /** Stops accepting, then tells every connected player the server is going away. */
    @Override
    public void close() {
        try {
            serverSocket.close();
        }
        catch (IOException ex) {
            LOG.log(Level.WARNING, "Closing the listening socket failed: {0}", ex.getMessage());
        }
        open.forEach(PlayerConnection::goAway);
        threads.shutdown();
    }

    private void acceptUntilClosed() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                PlayerConnection connection = connections.apply(socket);
                open.add(connection);
                threads.execute(() -> {
                    try {
                        connection.run();
                    }
                    finally {
                        open.remove(connection);
                    }
                });
            }
            catch (IOException ex) {
                if (!serverSocket.isClosed()) {
                    LOG.log(Level.WARNING, "Accepting a connection failed: {0}", ex.getMessage());
                }
            }
        }
    }
}
