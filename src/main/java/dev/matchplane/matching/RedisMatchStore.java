package dev.matchplane.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.matchplane.console.ConsoleProperties;
import dev.matchplane.matching.rules.RuledTicket;
import dev.matchplane.matching.rules.ServerCapacity;
import dev.matchplane.redis.RedisKeys;
import dev.matchplane.rulesets.PlayerDataJson;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** {@link MatchStore} on Redis: one Lua script per step (window read, claim, commit...) for all matches of a tick. */
@Repository
@SuppressWarnings({ "rawtypes", "unchecked" })
class RedisMatchStore implements MatchStore {

    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
    };
    private static final int FIELDS_PER_CLAIMED_TICKET = 5;
    /** A second's statistics outlive the 5-minute window they feed by a minute (docs/operations.md, keys). */
    static final String STATS_TTL_SECONDS = "360";

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final MatchingScripts scripts;
    private final ObjectMapper json;
    private final PlayerDataJson playerJson;
    private final String endedRetentionSeconds;
    private final String assignmentTtlSeconds;
    private final String lockLeaseMillis;
    private final int recentMatchesKept;

    RedisMatchStore(StringRedisTemplate redis, RedisKeys keys, MatchingScripts scripts, ObjectMapper json,
            MatchmakingProperties properties, PlayerDataJson playerJson, ConsoleProperties console) {
        this.playerJson = playerJson;
        this.redis = redis;
        this.keys = keys;
        this.scripts = scripts;
        this.json = json;
        this.endedRetentionSeconds = Long.toString(Math.max(1, properties.endedRetention().toSeconds()));
        this.assignmentTtlSeconds = Long.toString(Math.max(1, properties.assignmentTtl().toSeconds()));
        this.lockLeaseMillis = Long.toString(properties.lockTtl().toMillis());
        this.recentMatchesKept = console.recentMatchesKept();
    }

    @Override
    public Map<String, QueueWindow> matchableWindows(int shard, Instant liveSince, int windowSize, Instant now,
            Collection<String> ruledPatterns) {
        List<String> args = new ArrayList<>(List.of(keys.prefix(), Long.toString(liveSince.toEpochMilli()),
                Integer.toString(windowSize), Long.toString(now.toEpochMilli())));
        args.addAll(ruledPatterns);
        List reply = redis.execute(scripts.windows, List.of(keys.activeQueues(shard)), args.toArray());
        Map<String, QueueWindow> windows = new LinkedHashMap<>();
        for (int i = 0; i + 2 < reply.size(); i += 3) {
            List<WaitingTicket> tickets = toWaitingTickets((List<Object>) reply.get(i + 1));
            List<Object> ruled = (List<Object>) reply.get(i + 2);
            windows.put((String) reply.get(i), ruled.isEmpty() ? QueueWindow.sizeOnly(tickets)
                    : new QueueWindow(tickets, ruledTickets(tickets, (List<Object>) ruled.get(1), json, playerJson),
                            capacity((List<Object>) ruled.get(0))));
        }
        return windows;
    }

    /** The window's tickets with their members, region and player data ({members, region, players} each). */
    static List<RuledTicket> ruledTickets(List<WaitingTicket> window, List<Object> details, ObjectMapper json,
            PlayerDataJson playerJson) {
        List<RuledTicket> tickets = new ArrayList<>(window.size());
        for (int t = 0; t < window.size(); t++) {
            WaitingTicket waiting = window.get(t);
            String region = (String) details.get(3 * t + 1);
            List<String> members = json.readValue((String) details.get(3 * t), STRING_LIST);
            if (members.size() != waiting.groupSize()) {
                continue; // a hash gone meanwhile: the claim will drop its queue entry
            }
            tickets.add(new RuledTicket(waiting.ticketId(), waiting.groupSize(), waiting.enqueuedAtMillis(),
                    region.isEmpty() ? null : region, members, playerJson.read((String) details.get(3 * t + 2))));
        }
        return tickets;
    }

    /** Free lands by server region: {region, free, ...}, free -1 for a server without a capacity. */
    private static ServerCapacity capacity(List<Object> servers) {
        Map<String, Integer> byRegion = new HashMap<>();
        int withoutRegion = 0;
        for (int s = 0; s + 1 < servers.size(); s += 2) {
            String region = (String) servers.get(s);
            long reported = (Long) servers.get(s + 1);
            int free = reported < 0 ? ServerCapacity.UNLIMITED : (int) Math.min(reported, ServerCapacity.UNLIMITED);
            if (region.isEmpty()) {
                withoutRegion = saturatedSum(withoutRegion, free);
            }
            else {
                byRegion.merge(region, free, RedisMatchStore::saturatedSum);
            }
        }
        return new ServerCapacity(byRegion, withoutRegion);
    }

    private static int saturatedSum(int a, int b) {
        return (int) Math.min((long) a + b, ServerCapacity.UNLIMITED);
    }

    /** A window as the script returns it: member ({@code <ticketId>:<groupSize>}), score, member, score... */
    static List<WaitingTicket> toWaitingTickets(List<Object> membersAndScores) {
        List<WaitingTicket> window = new ArrayList<>(membersAndScores.size() / 2);
        for (int i = 0; i + 1 < membersAndScores.size(); i += 2) {
            String member = (String) membersAndScores.get(i);
            int colon = member.lastIndexOf(':');
            window.add(new WaitingTicket(member.substring(0, colon), Integer.parseInt(member.substring(colon + 1)),
                    (long) Double.parseDouble((String) membersAndScores.get(i + 1))));
        }
        return window;
    }

    @Override
    public List<ClaimedMatch> claim(int shard, long fence, Map<String, List<ProposedMatch>> proposalsByQueue,
            Instant leaseEnd) {
        List<String> args = new ArrayList<>(List.of(Long.toString(fence), Long.toString(leaseEnd.toEpochMilli()),
                keys.prefix()));
        List<String[]> claimOrder = new ArrayList<>();
        List<MatchLayout> layouts = new ArrayList<>();
        proposalsByQueue.forEach((queueKey, proposals) -> {
            for (ProposedMatch proposal : proposals) {
                String claimId = UUID.randomUUID().toString();
                claimOrder.add(new String[] { claimId, queueKey });
                layouts.add(proposal.layout());
                args.add(claimId);
                args.add(queueKey);
                args.add(Integer.toString(proposal.tickets().size()));
                proposal.tickets().forEach(t -> args.add(t.ticketId() + ":" + t.groupSize()));
            }
        });
        List reply = redis.execute(scripts.claim, List.of(keys.shardLock(shard), keys.claims(),
                keys.activeQueues(shard)), args.toArray());
        throwIfFenced(reply);
        List<ClaimedMatch> claimed = new ArrayList<>();
        for (int i = 0; i < reply.size(); i++) {
            List<Object> fields = (List<Object>) reply.get(i);
            if (!fields.isEmpty()) {
                claimed.add(new ClaimedMatch(claimOrder.get(i)[0], claimOrder.get(i)[1], claimedTickets(fields),
                        layouts.get(i)));
            }
        }
        return claimed;
    }

    private List<ClaimedTicket> claimedTickets(List<Object> fields) {
        List<ClaimedTicket> tickets = new ArrayList<>(fields.size() / FIELDS_PER_CLAIMED_TICKET);
        for (int f = 0; f < fields.size(); f += FIELDS_PER_CLAIMED_TICKET) {
            String region = (String) fields.get(f + 3);
            tickets.add(new ClaimedTicket((String) fields.get(f), Integer.parseInt((String) fields.get(f + 1)),
                    json.readValue((String) fields.get(f + 2), STRING_LIST), region.isEmpty() ? null : region,
                    Long.parseLong((String) fields.get(f + 4))));
        }
        return tickets;
    }

    @Override
    public List<Boolean> commit(int shard, long fence, List<MatchCommit> commits, Instant now,
            Instant assignmentExpiry) {
        List<String> args = new ArrayList<>(List.of(Long.toString(fence), Long.toString(now.toEpochMilli()),
                keys.prefix(), assignmentTtlSeconds, Long.toString(assignmentExpiry.toEpochMilli()), lockLeaseMillis,
                STATS_TTL_SECONDS));
        for (MatchCommit commit : commits) {
            List<ClaimedTicket> tickets = commit.match().tickets();
            args.addAll(List.of(commit.match().claimId(), commit.serverId(), commit.landId(),
                    commit.match().queueKey(), commit.matchId(), commit.connectUrl(),
                    Integer.toString(tickets.size())));
            for (int t = 0; t < tickets.size(); t++) {
                args.add(tickets.get(t).ticketId());
                args.add(commit.assignmentJsons().get(t));
            }
            // the recent-matches entry rides along: pushed only if this match commits, at no extra round trip
            args.add(recentMatchesKept > 0 ? json.writeValueAsString(RecentMatch.of(commit, now)) : "");
        }
        args.add(Integer.toString(recentMatchesKept));
        List reply = redis.execute(scripts.commit, List.of(keys.shardLock(shard), keys.claims(), keys.expiries(),
                keys.recentMatches()), args.toArray());
        throwIfFenced(reply);
        return ((List<Object>) reply).stream().map(result -> Long.valueOf(1L).equals(result)).toList();
    }

    @Override
    public int release(List<ClaimedMatch> matches) {
        if (matches.isEmpty()) {
            return 0;
        }
        List<String> args = new ArrayList<>(List.of(keys.prefix(), "given", "0", "0"));
        for (ClaimedMatch match : matches) {
            for (ClaimedTicket ticket : match.tickets()) {
                args.add(match.claimId());
                args.add(ticket.ticketId());
            }
        }
        return count(redis.execute(scripts.release, List.of(keys.claims(), keys.legacyActiveQueues()),
                args.toArray()));
    }

    @Override
    public int releaseStaleClaims(Instant now, int batch) {
        return count(redis.execute(scripts.release, List.of(keys.claims(), keys.legacyActiveQueues()), keys.prefix(),
                "stale", Long.toString(now.toEpochMilli()), Integer.toString(batch)));
    }

    @Override
    public int expireOverdue(Instant now, int batch) {
        return count(redis.execute(scripts.finish, List.of(keys.legacyActiveQueues(), keys.expiries(), keys.claims()),
                keys.prefix(), Long.toString(now.toEpochMilli()), endedRetentionSeconds, "expired",
                Integer.toString(batch)));
    }

    @Override
    public int rehomeLegacyQueues(QueueShards shards) {
        java.util.Set<String> left = redis.opsForSet().members(keys.legacyActiveQueues());
        if (left == null || left.isEmpty()) {
            return 0;
        }
        List<String> args = new ArrayList<>(2 * left.size());
        for (String queueKey : left) {
            args.add(queueKey);
            args.add(keys.activeQueues(shards.of(queueKey)));
        }
        return count(redis.execute(scripts.rehome, List.of(keys.legacyActiveQueues()), args.toArray()));
    }

    private static void throwIfFenced(List reply) {
        if (!reply.isEmpty() && "fenced".equals(reply.get(0))) {
            throw new FencedException();
        }
    }

    private static int count(Long value) {
        return value == null ? 0 : value.intValue();
    }
}
