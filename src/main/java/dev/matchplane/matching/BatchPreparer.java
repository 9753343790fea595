package dev.matchplane.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.matchplane.provisioning.Allocation;
import dev.matchplane.provisioning.AllocationRequest;
import dev.matchplane.provisioning.GameServerRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Takes one window from plan to signing: plan (windows read, matcher run), claim, allocate, and queue the signing
 * of what found a land. Each step is one Redis call for the whole window; claims that got no land go straight back.
 */
final class BatchPreparer {

    private final TickPlanner planner;
    private final MatchStore store;
    private final GameServerRegistry servers;
    private final SliceSigning signing;
    private final MatchmakingProperties properties;

    BatchPreparer(TickPlanner planner, MatchStore store, GameServerRegistry servers, SliceSigning signing,
            MatchmakingProperties properties) {
        this.planner = planner;
        this.store = store;
        this.servers = servers;
        this.signing = signing;
        this.properties = properties;
    }

    /** The window's batch, its signing queued; null when there is nothing to match. */
    @Nullable Batch prepare(TickContext tick) {
        TickPlan plan = planner.plan(tick.shard(), tick.now());
        if (plan.isEmpty()) {
            return null;
        }
        Instant leaseEnd = tick.now().plus(properties.claimLease());
        List<ClaimedMatch> claimed;
        try {
            claimed = store.claim(tick.shard(), tick.fence(), plan.proposals(), leaseEnd);
        }
        catch (FencedException lost) {
            return Batch.fenced(tick, plan);
        }
        if (claimed.isEmpty()) {
            return Batch.unplaced(tick, plan, new WindowCounts(plan.proposed(), 0, 0));
        }
        Allocated allocated = allocate(claimed, tick.now(), leaseEnd);
        store.release(allocated.unplaced());
        WindowCounts counts = new WindowCounts(plan.proposed(), claimed.size(), allocated.unplaced().size());
        if (allocated.placed().isEmpty()) {
            return Batch.unplaced(tick, plan, counts);
        }
        Instant expiry = tick.now().plus(properties.assignmentTtl());
        return Batch.signing(tick, plan, counts, signing.queue(allocated.placed(), tick.now(), expiry));
    }

    /** Claimed matches split into those placed on a land and those left without one. */
    private record Allocated(Placements placed, List<ClaimedMatch> unplaced) {
    }

    /** One land per claimed match on the best live server, leased as long as the claim. */
    private Allocated allocate(List<ClaimedMatch> claimed, Instant now, Instant leaseEnd) {
        List<Optional<Allocation>> allocations = servers.allocate(allocationRequests(claimed, leaseEnd), now);
        List<ClaimedMatch> placed = new ArrayList<>();
        List<Allocation> lands = new ArrayList<>();
        List<ClaimedMatch> unplaced = new ArrayList<>();
        for (int i = 0; i < claimed.size(); i++) {
            if (allocations.get(i).isPresent()) {
                placed.add(claimed.get(i));
                lands.add(allocations.get(i).get());
            }
            else {
                unplaced.add(claimed.get(i));
            }
        }
        return new Allocated(new Placements(placed, lands), unplaced);
    }

    private static List<AllocationRequest> allocationRequests(List<ClaimedMatch> claimed, Instant leaseEnd) {
        List<AllocationRequest> requests = new ArrayList<>(claimed.size());
        for (ClaimedMatch match : claimed) {
            String landType = QueuePolicy.landTypeOf(match.queueKey());
            MatchLayout layout = match.layout();
            String landId = landType + ":" + UUID.randomUUID();
            if (layout == null) {
                requests.add(new AllocationRequest(landType, match.oldest().region(), landId, leaseEnd.toEpochMilli()));
            }
            else if (layout.requiredRegion() != null) {
                // a latency rule chose the region: no server there with room, the match goes back and waits
                requests.add(new AllocationRequest(landType, layout.requiredRegion(), landId, leaseEnd.toEpochMilli(),
                        true));
            }
            else {
                String preferred = layout.preferredRegion() != null ? layout.preferredRegion()
                        : match.oldest().region();
                requests.add(new AllocationRequest(landType, preferred, landId, leaseEnd.toEpochMilli()));
            }
        }
        return requests;
    }
}
