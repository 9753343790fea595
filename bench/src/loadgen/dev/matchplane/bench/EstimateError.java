package dev.matchplane.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The honesty of the wait estimates the players were given at enqueue (ttm, quality). */
final class EstimateError {

    private EstimateError() {
    }

    /**
     * How honest the {@code estimatedWaitMs} of the enqueued reply was: the median absolute difference between it and
     * the time to match that followed, over the matched players that were given one (null means no history yet).
     */
    static Map<String, Object> of(List<Player> players) {
        List<Long> errors = new ArrayList<>();
        long withoutEstimate = 0;
        for (Player p : players) {
            if (p.assignedCount == 0) {
                continue;
            }
            if (p.estimatedWaitMs < 0) {
                withoutEstimate++;
                continue;
            }
            errors.add(Math.abs(p.estimatedWaitMs - (p.assignedAt - p.sentAt) / 1_000_000L));
        }
        errors.sort(null);
        Map<String, Object> summary = new java.util.LinkedHashMap<>();
        summary.put("given", errors.size());
        summary.put("null", withoutEstimate);
        summary.put("median_abs_error_ms", errors.isEmpty() ? null : errors.get(errors.size() / 2));
        summary.put("p90_abs_error_ms", errors.isEmpty() ? null : errors.get(errors.size() * 9 / 10));
        summary.put("note", "|estimatedWaitMs given at enqueue - time to match that followed|, matched players");
        return summary;
    }
}
