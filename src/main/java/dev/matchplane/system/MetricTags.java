package dev.matchplane.system;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Queue keys are chosen by clients, so tagging metrics with them could create unbounded time series. The first
 * {@value #MAX_DISTINCT} distinct queue keys an instance sees get their own tag value; later ones share "other".
 */
@Component
public class MetricTags {

    static final int MAX_DISTINCT = 200;
    static final String OTHER = "other";

    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public String queue(String queueKey) {
        if (known.contains(queueKey)) {
            return queueKey;
        }
        if (known.size() < MAX_DISTINCT && known.add(queueKey)) {
            return queueKey;
        }
        return known.contains(queueKey) ? queueKey : OTHER;
    }
}
