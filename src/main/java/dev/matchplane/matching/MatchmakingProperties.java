package dev.matchplane.matching;

import java.time.Duration;
import java.util.List;

import dev.matchplane.system.NodeId;
import dev.matchplane.system.Role;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Matchmaking settings ({@code matchmaking.*}); the compat environment names map onto them in application.yaml.
 *
 * @param nodeId         name of this instance in logs and metrics, never empty ({@link NodeId})
 * @param role           {@code all}, {@code api} (no tick) or {@code queue-worker} (tick only, no client API)
 * @param interval       delay between two ticks ({@code MATCHMAKING_INTERVAL_MS}, 250 ms)
 * @param minWait        a ticket is not matched before it has waited this long ({@code MATCHMAKING_MIN_WAIT_MS}, 3 s)
 * @param relaxAfter     after this wait a ticket may form a smaller match ({@code MATCHMAKING_RELAX_AFTER_MS}, 30 s)
 * @param maxWait        a queued ticket older than this expires ({@code MATCHMAKING_MAX_WAIT_MS}, 10 min)
 * @param maxPartySize   most members one ticket may carry (16)
 * @param assignmentTtl  how long an assignment, its tokens and its land live (1 h)
 * @param endedRetention how long a cancelled or expired ticket still reports its status (10 min)
 * @param windowSize     most waiting tickets read per queue per tick (1,000); bounds a tick's work
 * @param claimLease     how long a tick may hold claimed tickets before the sweep returns them to their queue (10 s)
 * @param lockTtl        shard lock lease, renewed every tick and while held (5 s); also how long a ticking
 *                       instance's heartbeat counts it as live
 * @param sweepBatch     most expired tickets, stale claims or dead servers handled per sweep (500)
 * @param maxPlayersPerTick most players matched by one tick (1,000): bounds a tick's signing work so that it ends
 *                       well within the lock lease; a tick that reaches it runs again at once
 * @param shards         number of shards the queues are spread over (16, {@code MATCHMAKING_SHARDS}); each shard has
 *                       a lock of its own, so the ticking instances share the matching ({@link QueueShards})
 * @param queues         per-queue overrides, first matching pattern wins
 */
@ConfigurationProperties("matchmaking")
@Validated
public record MatchmakingProperties(
        @DefaultValue("") String nodeId,
        @DefaultValue("all") Role role,
        @DefaultValue("250ms") @DurationMin(nanos = 1) Duration interval,
        @DefaultValue("3000ms") Duration minWait,
        @DefaultValue("30000ms") Duration relaxAfter,
        @DefaultValue("600000ms") Duration maxWait,
        @DefaultValue("16") @Positive int maxPartySize,
        @DefaultValue("3600s") Duration assignmentTtl,
        @DefaultValue("600s") Duration endedRetention,
        @DefaultValue("1000") @Positive int windowSize,
        @DefaultValue("10s") Duration claimLease,
        @DefaultValue("5s") Duration lockTtl,
        @DefaultValue("500") @Positive int sweepBatch,
        @DefaultValue("1000") @Positive int maxPlayersPerTick,
        @DefaultValue("16") @Min(1) @Max(QueueShards.MAX) int shards,
        @DefaultValue List<QueueOverride> queues) {

    /**
     * Overrides for the queues whose key matches {@code pattern} ({@code *} matches any run of characters).
     * Unset fields keep the global value.
     */
    public record QueueOverride(String pattern, @Nullable Integer matchSize, @Nullable Duration minWait,
            @Nullable Duration relaxAfter, @Nullable Duration maxWait) {
    }

    public MatchmakingProperties {
        nodeId = NodeId.orFallback(nodeId);
        queues = List.copyOf(queues);
    }

    /** A claim must outlive the tick that took it, or the sweep would hand its tickets back mid-tick. */
    @AssertTrue(message = "claim-lease must be longer than the interval")
    boolean isClaimLeaseLongerThanInterval() {
        return claimLease.compareTo(interval) > 0;
    }
}
