package dev.matchplane.matching;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/** Resolves the policy of any queue key: the queue-key rule (docs/rest-api.md, How tickets are matched), then the first matching override. */
@Component
public class QueueCatalog {

    private final MatchmakingProperties properties;
    private final List<CompiledOverride> overrides;

    public QueueCatalog(MatchmakingProperties properties) {
        this.properties = properties;
        this.overrides = properties.queues().stream().map(CompiledOverride::of).toList();
    }

    public QueuePolicy policyFor(String queueKey) {
        int matchSize = MatchSize.fromQueueKey(queueKey);
        var minWait = properties.minWait();
        var relaxAfter = properties.relaxAfter();
        var maxWait = properties.maxWait();
        for (CompiledOverride override : overrides) {
            if (override.matches(queueKey)) {
                MatchmakingProperties.QueueOverride o = override.override();
                matchSize = o.matchSize() != null ? o.matchSize() : matchSize;
                minWait = o.minWait() != null ? o.minWait() : minWait;
                relaxAfter = o.relaxAfter() != null ? o.relaxAfter() : relaxAfter;
                maxWait = o.maxWait() != null ? o.maxWait() : maxWait;
                break;
            }
        }
        return new QueuePolicy(queueKey, QueuePolicy.landTypeOf(queueKey), matchSize, minWait, relaxAfter, maxWait);
    }

    private record CompiledOverride(Pattern pattern, MatchmakingProperties.QueueOverride override) {

        static CompiledOverride of(MatchmakingProperties.QueueOverride override) {
            StringBuilder regex = new StringBuilder();
            for (String part : override.pattern().split("\\*", -1)) {
                if (!regex.isEmpty()) {
                    regex.append(".*");
                }
                regex.append(Pattern.quote(part));
            }
            return new CompiledOverride(Pattern.compile(regex.toString()), override);
        }

        boolean matches(String queueKey) {
            return pattern.matcher(queueKey).matches();
        }
    }
}
