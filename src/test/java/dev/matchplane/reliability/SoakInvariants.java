package dev.matchplane.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.matchplane.matching.MatchSize;
import dev.matchplane.support.HttpJson;
import tools.jackson.databind.JsonNode;

/**
 * The soak's verdict, from what Redis holds, what the pub/sub channel carried and what the clients saw:
 * every ticket ended exactly once, no player was in two matches (nor waited twice at once), every land holds
 * exactly its match size, and every client learned how its ticket ended, assignment included.
 */
final class SoakInvariants {

    private static final Set<String> ENDED = Set.of("assigned", "cancelled", "expired");

    /** One stored ticket, as the checks need it. */
    record StoredTicket(String ticketId, String status, String queueKey, List<String> members, int groupSize,
            long createdAt, long updatedAt, JsonNode assignment) {

        static StoredTicket of(String ticketId, Map<Object, Object> hash) {
            JsonNode members = HttpJson.parse(String.valueOf(hash.get("members")));
            List<String> names = new ArrayList<>();
            members.forEach(m -> names.add(m.asString()));
            Object assignment = hash.get("assignment");
            return new StoredTicket(ticketId, String.valueOf(hash.get("status")), String.valueOf(hash.get("queueKey")),
                    names, Integer.parseInt(String.valueOf(hash.get("groupSize"))),
                    Long.parseLong(String.valueOf(hash.get("createdAt"))),
                    Long.parseLong(String.valueOf(hash.get("updatedAt"))),
                    assignment == null ? null : HttpJson.parse(assignment.toString()));
        }
    }

    record Counts(int tickets, int assigned, int cancelled, int expired, int lands) {
    }

    private SoakInvariants() {
    }

    static Counts check(Map<String, StoredTicket> stored, SoakLedger ledger, Map<String, List<String>> published) {
        assertThat(ledger.anomalies).as("clients saw nothing unexpected").isEmpty();
        assertThat(stored.keySet()).as("Redis holds exactly the tickets clients were given")
                .containsExactlyInAnyOrderElementsOf(ledger.tickets.keySet());
        Map<String, Integer> byStatus = new HashMap<>();
        for (StoredTicket ticket : stored.values()) {
            assertThat(ticket.status()).as("ticket '%s' ended", ticket.ticketId()).isIn(ENDED);
            byStatus.merge(ticket.status(), 1, Integer::sum);
            endedOnce(ticket, published.getOrDefault(ticket.ticketId(), List.of()));
            clientLearned(ticket, ledger.received.getOrDefault(ticket.ticketId(), List.of()));
        }
        int lands = landsHoldTheirMatchSize(stored);
        noPlayerTwiceAtOnce(stored);
        return new Counts(stored.size(), byStatus.getOrDefault("assigned", 0), byStatus.getOrDefault("cancelled", 0),
                byStatus.getOrDefault("expired", 0), lands);
    }

    /** Exactly one terminal event was published for the ticket, and it is the one its state says. */
    private static void endedOnce(StoredTicket ticket, List<String> events) {
        assertThat(events).as("terminal events published for '%s'", ticket.ticketId())
                .containsExactly(eventOf(ticket.status()));
    }

    /** Its client received the terminal event (perhaps again after a reconnect), always the same one. */
    private static void clientLearned(StoredTicket ticket, List<SoakLedger.Received> received) {
        assertThat(received).as("events client of '%s' received", ticket.ticketId()).isNotEmpty()
                .allMatch(r -> r.type().equals(eventOf(ticket.status())));
        if (ticket.assignment() != null) {
            String assignmentId = ticket.assignment().get("assignmentId").asString();
            assertThat(received).allMatch(r -> r.assignmentId().equals(assignmentId));
        }
    }

    private static int landsHoldTheirMatchSize(Map<String, StoredTicket> stored) {
        Map<String, List<StoredTicket>> byLand = new HashMap<>();
        stored.values().stream().filter(t -> t.assignment() != null)
                .forEach(t -> byLand.computeIfAbsent(t.assignment().get("landId").asString(), l -> new ArrayList<>())
                        .add(t));
        byLand.forEach((land, tickets) -> {
            String queueKey = tickets.get(0).queueKey();
            assertThat(tickets).as("land '%s'", land).allMatch(t -> t.queueKey().equals(queueKey))
                    .allMatch(t -> t.assignment().get("matchId").asString()
                            .equals(tickets.get(0).assignment().get("matchId").asString()));
            assertThat(tickets.stream().mapToInt(StoredTicket::groupSize).sum()).as("players in land '%s'", land)
                    .isEqualTo(MatchSize.fromQueueKey(queueKey));
            Set<String> players = new HashSet<>();
            tickets.forEach(t -> t.members().forEach(p -> assertThat(players.add(p)).as("%s twice in '%s'", p, land)
                    .isTrue()));
        });
        return byLand.size();
    }

    /** A player's tickets never overlap in time: never two waiting at once, so never in two matches at once. */
    private static void noPlayerTwiceAtOnce(Map<String, StoredTicket> stored) {
        Map<String, List<StoredTicket>> byPlayer = new HashMap<>();
        stored.values().forEach(t -> t.members().forEach(p -> byPlayer.computeIfAbsent(p, x -> new ArrayList<>())
                .add(t)));
        byPlayer.forEach((player, tickets) -> {
            tickets.sort(Comparator.comparingLong(StoredTicket::createdAt));
            for (int i = 1; i < tickets.size(); i++) {
                assertThat(tickets.get(i).createdAt()).as("%s's ticket '%s' began after '%s' ended", player,
                        tickets.get(i).ticketId(), tickets.get(i - 1).ticketId())
                        .isGreaterThanOrEqualTo(tickets.get(i - 1).updatedAt());
            }
        });
    }

    private static String eventOf(String status) {
        return switch (status) {
            case "assigned" -> "match.assigned";
            case "cancelled" -> "ticket.cancelled";
            default -> "ticket.expired";
        };
    }
}
