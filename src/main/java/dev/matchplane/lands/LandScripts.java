package dev.matchplane.lands;

import java.util.List;

import dev.matchplane.redis.LuaScripts;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/** The lands feature's Lua scripts (see each file's header for KEYS, ARGV and the reply). */
@Component
@SuppressWarnings("rawtypes")
class LandScripts {

    final RedisScript<Long> release = LuaScripts.returningLong("release-land");
    final RedisScript<List> request = LuaScripts.returningList("backfill-request");
    final RedisScript<Long> cancel = LuaScripts.returningLong("backfill-cancel");
}
