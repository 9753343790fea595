package dev.matchplane.stats;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.matchplane.matching.QueueCatalog;
import dev.matchplane.system.ConditionalOnRole;
import dev.matchplane.system.Role;
import dev.matchplane.web.ErrorCode;
import dev.matchplane.web.FieldViolation;
import dev.matchplane.web.ProblemCodes;
import dev.matchplane.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Public queue statistics: the same answer from every instance, cacheable for one second. */
@RestController
@ConditionalOnRole({ Role.ALL, Role.API })
@RequestMapping(path = "/v1/matchmaking/queues", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Game clients")
class QueueStatsController {

    /** The enqueue rule for queue keys (docs/rest-api.md). */
    private static final Pattern QUEUE_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final CacheControl ONE_SECOND = CacheControl.maxAge(Duration.ofSeconds(1));

    private final RedisQueueStats stats;
    private final QueueCatalog catalog;
    private final Clock clock;

    QueueStatsController(RedisQueueStats stats, QueueCatalog catalog, Clock clock) {
        this.stats = stats;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Operation(summary = "A queue's statistics and wait estimate", description = "Tickets waiting, the oldest wait, "
            + "matches in the last minute, time to match p50/p90 over the last 5 minutes, and the wait a ticket "
            + "joining now can expect (`null` without recent history). An empty or unknown queue answers zeros.")
    @ProblemCodes({ ErrorCode.VALIDATION_FAILED, ErrorCode.STORE_UNAVAILABLE })
    @GetMapping("/{queueKey}/stats")
    ResponseEntity<StatsResponse> stats(@Parameter(description = "A queue key, as given at enqueue",
            example = "ranked:2v2") @PathVariable String queueKey) {
        if (!QUEUE_KEY.matcher(queueKey).matches()) {
            throw ProblemException.invalid(List.of(new FieldViolation("queueKey",
                    "must be 1-128 characters of A-Z a-z 0-9 . _ : -")));
        }
        QueueStatistics figures = stats.read(queueKey, clock.instant());
        Long estimate = WaitEstimates.forQueue(figures, catalog.policyFor(queueKey).matchSize());
        return ResponseEntity.ok().cacheControl(ONE_SECOND).body(new StatsResponse(queueKey, figures.waiting(),
                figures.oldestWaitMs(), figures.matchesLastMinute(),
                TimeToMatch.of(figures), estimate));
    }

    @Schema(description = "One queue's figures")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record StatsResponse(@Schema(example = "ranked:2v2") String queueKey,
            @Schema(description = "Tickets waiting now", example = "12") long waiting,
            @Schema(description = "How long the oldest waiting ticket has waited (ms)", example = "4210")
            long oldestWaitMs,
            @Schema(description = "Matches committed in the last 60 s", example = "31") long matchesLastMinute,
            @Schema(description = "Time from enqueue to assignment over the last 5 minutes (ms)")
            TimeToMatch timeToMatchMs,
            @Schema(description = "Expected wait for a ticket joining now (ms); null without recent history",
                    nullable = true, example = "5200") @Nullable Long estimatedWaitMs) {
    }

    @Schema(description = "Percentiles; 0 without samples (then estimatedWaitMs is null)")
    record TimeToMatch(@Schema(example = "4800") long p50, @Schema(example = "9100") long p90) {

        static TimeToMatch of(QueueStatistics figures) {
            return new TimeToMatch(figures.p50() == null ? 0 : figures.p50(), figures.p90() == null ? 0 : figures.p90());
        }
    }
}
