package dev.matchplane.matching;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.matchplane.provisioning.Allocation;
import dev.matchplane.system.Timestamps;
import dev.matchplane.token.MatchTokens;
import dev.matchplane.token.TokenClaims;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns claimed matches with their lands into assignments (CONTRACT §2): ids, one signed token per member
 * (all of a tick's tokens signed in one parallel batch) and the JSON every reader will see.
 */
@Component
class AssignmentFactory {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ID_ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final MatchTokens tokens;
    private final ObjectMapper json;

    AssignmentFactory(MatchTokens tokens, ObjectMapper json) {
        this.tokens = tokens;
        this.json = json;
    }

    /** The assignment object exactly as clients read it; field order follows the contract. */
    record Assignment(String assignmentId, String matchToken, String connectUrl, String landId, String serverId,
            String expiresAt, String matchId, Map<String, String> memberTokens) {
    }

    List<MatchCommit> build(List<ClaimedMatch> matches, List<Allocation> lands, Instant now, Instant expiry) {
        List<TokenClaims> claims = new ArrayList<>();
        List<String> assignmentIds = new ArrayList<>();
        List<String> matchIds = new ArrayList<>();
        for (int m = 0; m < matches.size(); m++) {
            String matchId = "match-" + random128();
            matchIds.add(matchId);
            for (ClaimedTicket ticket : matches.get(m).tickets()) {
                String assignmentId = "asg-" + random128();
                assignmentIds.add(assignmentId);
                for (int p = 0; p < ticket.members().size(); p++) {
                    // the first member's token is the ticket's matchToken, whose jti is the assignmentId
                    String jti = p == 0 ? assignmentId : "tok-" + random128();
                    claims.add(new TokenClaims(jti, assignmentId, ticket.members().get(p), lands.get(m).landId(),
                            lands.get(m).serverId(), ticket.ticketId(), matchId, now, expiry));
                }
            }
        }
        Iterator<String> signed = tokens.signAll(claims).iterator();
        Iterator<String> assignmentIdsInOrder = assignmentIds.iterator();
        List<MatchCommit> commits = new ArrayList<>(matches.size());
        for (int m = 0; m < matches.size(); m++) {
            Allocation land = lands.get(m);
            List<String> assignmentJsons = new ArrayList<>();
            for (ClaimedTicket ticket : matches.get(m).tickets()) {
                Map<String, String> memberTokens = new LinkedHashMap<>();
                ticket.members().forEach(player -> memberTokens.put(player, signed.next()));
                Assignment assignment = new Assignment(assignmentIdsInOrder.next(),
                        memberTokens.get(ticket.members().get(0)), land.connectUrl(), land.landId(), land.serverId(),
                        Timestamps.iso(expiry), matchIds.get(m), memberTokens);
                assignmentJsons.add(json.writeValueAsString(assignment));
            }
            commits.add(new MatchCommit(matches.get(m), land.serverId(), land.landId(), assignmentJsons));
        }
        return commits;
    }

    private static String random128() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return ID_ENCODER.encodeToString(bytes);
    }
}
