package dev.matchplane.matching;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.matchplane.provisioning.Allocation;
import dev.matchplane.system.Timestamps;
import dev.matchplane.token.MatchTokens;
import dev.matchplane.token.TokenClaims;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns claimed matches with their lands into assignments (docs/rest-api.md): ids, one signed token per member
 * (each slice's tokens signed in one parallel batch, see {@link SliceSigning}) and the JSON every reader will see.
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

    /**
     * The assignment object exactly as clients read it; field order follows docs/rest-api.md. The last three come
     * only from a rule set: absent (not null) for other queues.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Assignment(String assignmentId, String matchToken, String connectUrl, String landId, String serverId,
            String expiresAt, String matchId, Map<String, String> memberTokens, @Nullable String team,
            @Nullable String region, @Nullable Map<String, Object> matchAttributes) {
    }

    /**
     * A slice of matches with their ids and the claims of every token, in order; signing them is the slow step and
     * happens between {@link #prepare} and {@link #assemble}, on the signing threads.
     */
    record Prepared(List<ClaimedMatch> matches, List<Allocation> lands, Instant expiry, List<String> matchIds,
            List<String> assignmentIds, List<TokenClaims> claims) {
    }

    Prepared prepare(List<ClaimedMatch> matches, List<Allocation> lands, Instant now, Instant expiry) {
        List<String> matchIds = new ArrayList<>(matches.size());
        matches.forEach(match -> matchIds.add("match-" + random128()));
        return prepare(matches, lands, matchIds, now, expiry);
    }

    /** As above with given match ids: a backfilled ticket joins the match already on its land. */
    Prepared prepare(List<ClaimedMatch> matches, List<Allocation> lands, List<String> matchIds, Instant now,
            Instant expiry) {
        List<TokenClaims> claims = new ArrayList<>();
        List<String> assignmentIds = new ArrayList<>();
        for (int m = 0; m < matches.size(); m++) {
            String matchId = matchIds.get(m);
            for (ClaimedTicket ticket : matches.get(m).tickets()) {
                String assignmentId = "asg-" + random128();
                assignmentIds.add(assignmentId);
                for (int p = 0; p < ticket.members().size(); p++) {
                    // the first member's token is the ticket's matchToken, whose jti is the assignmentId
                    String jti = p == 0 ? assignmentId : "tok-" + random128();
                    TokenClaims tokenClaims = new TokenClaims(jti, assignmentId, ticket.members().get(p),
                            lands.get(m).landId(), lands.get(m).serverId(), ticket.ticketId(), matchId, now, expiry);
                    String team = team(matches.get(m), ticket);
                    claims.add(team == null ? tokenClaims : tokenClaims.with("team", team));
                }
            }
        }
        return new Prepared(matches, lands, expiry, matchIds, assignmentIds, claims);
    }

    /**
     * Starts signing all tokens of the slice on the signing threads of {@link MatchTokens}; one without threads of
     * its own signs on the calling thread (the production one has them: see {@link MatchTokens#signAllAsync}).
     */
    CompletableFuture<List<String>> sign(Prepared prepared) {
        return tokens.signAllAsync(prepared.claims(), Runnable::run);
    }

    /** The assignments' JSON, given the tokens {@link #sign} returned for the same slice. */
    List<MatchCommit> assemble(Prepared prepared, List<String> signedTokens) {
        Iterator<String> signed = signedTokens.iterator();
        Iterator<String> assignmentIdsInOrder = prepared.assignmentIds().iterator();
        String expiresAt = Timestamps.iso(prepared.expiry());
        List<MatchCommit> commits = new ArrayList<>(prepared.matches().size());
        for (int m = 0; m < prepared.matches().size(); m++) {
            Allocation land = prepared.lands().get(m);
            List<String> assignmentJsons = new ArrayList<>();
            for (ClaimedTicket ticket : prepared.matches().get(m).tickets()) {
                Map<String, String> memberTokens = new LinkedHashMap<>();
                ticket.members().forEach(player -> memberTokens.put(player, signed.next()));
                MatchLayout layout = prepared.matches().get(m).layout();
                Assignment assignment = new Assignment(assignmentIdsInOrder.next(),
                        memberTokens.get(ticket.members().get(0)), land.connectUrl(), land.landId(), land.serverId(),
                        expiresAt, prepared.matchIds().get(m), memberTokens, team(prepared.matches().get(m), ticket),
                        region(layout, land), layout == null || layout.matchAttributes().isEmpty() ? null
                                : layout.matchAttributes());
                assignmentJsons.add(json.writeValueAsString(assignment));
            }
            MatchLayout layout = prepared.matches().get(m).layout();
            commits.add(new MatchCommit(prepared.matches().get(m), land.serverId(), land.landId(),
                    prepared.matchIds().get(m), land.connectUrl(),
                    layout != null && layout.requiredRegion() != null ? layout.requiredRegion() : land.serverRegion(),
                    assignmentJsons));
        }
        return commits;
    }

    private static @Nullable String team(ClaimedMatch match, ClaimedTicket ticket) {
        return match.layout() == null ? null : match.layout().teamByTicket().get(ticket.ticketId());
    }

    /** Under a rule set: the region a latency rule chose, else that of the server the land went to, if any. */
    private static @Nullable String region(@Nullable MatchLayout layout, Allocation land) {
        if (layout == null) {
            return null;
        }
        return layout.requiredRegion() != null ? layout.requiredRegion() : land.serverRegion();
    }

    private static String random128() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return ID_ENCODER.encodeToString(bytes);
    }
}
