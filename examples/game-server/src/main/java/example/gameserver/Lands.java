package example.gameserver;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The lands this server runs and who is on them, and what Matchplane is told about them
 * (docs/game-server-integration.md, land lifecycle and backfill): a player who leaves a game still going opens a
 * backfill slot; the game ends when its last player leaves, and the land is released so its capacity slot is free
 * at once. Calls to Matchplane run on one thread of their own, never on a socket thread.
 */
final class Lands implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Lands.class.getName());

    private final MatchplaneClient matchplane;
    private final ExecutorService calls = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "matchplane-lands");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Set<String>> players = new HashMap<>();
    /** Slots left open by players who left, per land: what the backfill request asks for. */
    private final Map<String, Integer> open = new HashMap<>();

    Lands(MatchplaneClient matchplane) {
        this.matchplane = matchplane;
    }

    synchronized void joined(Player player) {
        players.computeIfAbsent(player.landId(), k -> new HashSet<>()).add(player.playerId());
        open.computeIfPresent(player.landId(), (land, slots) -> slots > 1 ? slots - 1 : null);
    }

    /** The last player out ends the game; anyone else leaving a running game opens a slot for a newcomer. */
    synchronized void left(Player player) {
        Set<String> on = players.get(player.landId());
        if (on == null || !on.remove(player.playerId())) {
            return;
        }
        if (on.isEmpty()) {
            players.remove(player.landId());
            open.remove(player.landId());
            call("release", () -> matchplane.releaseLand(player.landId()));
        }
        else {
            int slots = open.merge(player.landId(), 1, Integer::sum);
            call("backfill", () -> matchplane.requestBackfill(player.landId(), slots));
        }
    }

    /** Open backfill requests expire unless posted again: renewed with every heartbeat, with the slots open now. */
    synchronized void renewBackfills() {
        Map.copyOf(open).forEach((landId, slots) -> call("backfill", () -> matchplane.requestBackfill(landId, slots)));
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }

    private interface Call {
        void run() throws IOException, InterruptedException;
    }

    private void call(String what, Call call) {
        calls.execute(() -> {
            try {
                call.run();
            }
            catch (IOException ex) {
                LOG.log(Level.WARNING, "Matchplane {0} failed: {1}", what, ex.getMessage());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
