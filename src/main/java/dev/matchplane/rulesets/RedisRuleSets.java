package dev.matchplane.rulesets;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.matchplane.matching.rules.RuleSet;
import dev.matchplane.redis.RedisKeys;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/**
 * {@link RuleSets} on Redis: a hash of set bodies, a hash of versions and a counter, changed only by Lua scripts
 * that also publish the change. Reads come from a copy at most {@code ruleset-cache} old; a published change drops
 * it at once ({@link RedisRuleSetChanges}), the expiry is the safety net for a missed message.
 */
@Repository
class RedisRuleSets implements RuleSets {

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final RuleSetScripts scripts;
    private final ObjectMapper json;
    private final long cacheNanos;
    private final AtomicLong generation = new AtomicLong();
    private volatile @Nullable Snapshot snapshot;

    RedisRuleSets(StringRedisTemplate redis, RedisKeys keys, RuleSetScripts scripts, ObjectMapper json,
            RuleSetProperties properties) {
        this.redis = redis;
        this.keys = keys;
        this.scripts = scripts;
        this.json = json;
        this.cacheNanos = properties.rulesetCache().toNanos();
    }

    /** What one read saw, and under which invalidation generation it was read. */
    private record Snapshot(SortedMap<String, StoredRuleSet> sets, long readAtNanos, long generation) {
    }

    @Override
    public SortedMap<String, StoredRuleSet> all() {
        Snapshot current = snapshot;
        long now = System.nanoTime();
        if (current != null && current.generation() == generation.get() && now - current.readAtNanos() < cacheNanos) {
            return current.sets();
        }
        long readUnder = generation.get();
        Snapshot read = new Snapshot(readAll(), now, readUnder);
        snapshot = read;
        return read.sets();
    }

    /** A change was announced: the next read goes to Redis, even one that started before. */
    void invalidate() {
        generation.incrementAndGet();
    }

    @SuppressWarnings("unchecked")
    private SortedMap<String, StoredRuleSet> readAll() {
        List<Object> reply = redis.execute(scripts.readAll, List.of(keys.ruleSets(), keys.ruleSetVersions()));
        SortedMap<String, StoredRuleSet> sets = new TreeMap<>();
        for (int i = 0; i + 2 < reply.size(); i += 3) {
            String name = (String) reply.get(i);
            sets.put(name, new StoredRuleSet(name, Long.parseLong((String) reply.get(i + 2)),
                    json.readValue((String) reply.get(i + 1), RuleSet.class)));
        }
        return Collections.unmodifiableSortedMap(sets);
    }

    @Override
    public StoredRuleSet put(String name, RuleSet ruleSet) {
        return write(name, ruleSet, false);
    }

    @Override
    public StoredRuleSet putIfChanged(String name, RuleSet ruleSet) {
        return write(name, ruleSet, true);
    }

    private StoredRuleSet write(String name, RuleSet ruleSet, boolean onlyIfChanged) {
        Long version = redis.execute(scripts.put, List.of(keys.ruleSets(), keys.ruleSetVersions(),
                keys.ruleSetVersion()), name, json.writeValueAsString(ruleSet), onlyIfChanged ? "1" : "0",
                keys.ruleSetChanges());
        invalidate();
        return new StoredRuleSet(name, version == null ? 0 : version, ruleSet);
    }

    @Override
    public boolean delete(String name) {
        Long deleted = redis.execute(scripts.delete, List.of(keys.ruleSets(), keys.ruleSetVersions(),
                keys.ruleSetVersion()), name, keys.ruleSetChanges());
        invalidate();
        return deleted != null && deleted == 1L;
    }
}
