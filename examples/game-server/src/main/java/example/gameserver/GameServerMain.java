package example.gameserver;

import java.io.IOException;

/** Command-line entry: {@code java -jar game-server.jar --matchplane http://localhost:3000 …} (see README). */
public final class GameServerMain {

    private GameServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // One line per log record instead of the JDK's default two.
        System.setProperty("java.util.logging.SimpleFormatter.format",
                System.getProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %5$s%6$s%n"));
        Options options;
        try {
            options = Options.parse(args);
        }
        catch (IllegalArgumentException ex) {
            System.err.println(ex.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        try {
            GameServer server = GameServer.start(options);
            // Ctrl-C and SIGTERM (what orchestrators send) run this, so Matchplane stops placing lands here.
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "deregister"));
        }
        catch (IOException ex) {
            // A refused connection carries no message, only its type.
            System.err.println("Cannot start: " + (ex.getMessage() != null ? ex.getMessage() : ex));
            System.exit(1);
        }
    }
}
