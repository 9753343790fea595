package dev.matchplane.matching;

import java.util.List;

import dev.matchplane.redis.LuaScripts;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/** The tick's Lua scripts (see each file's header for KEYS, ARGV and the reply). */
@Component
@SuppressWarnings("rawtypes")
class MatchingScripts {

    final RedisScript<List> windows = LuaScripts.returningList("windows");
    final RedisScript<List> claim = LuaScripts.returningList("claim");
    final RedisScript<List> commit = LuaScripts.returningList("commit");
    final RedisScript<Long> release = LuaScripts.returningLong("release");
    final RedisScript<Long> finish = LuaScripts.returningLong("finish");
    final RedisScript<Long> rehome = LuaScripts.returningLong("rehome-queues");
}
