package dev.matchplane.rulesets;

import java.util.List;

import dev.matchplane.redis.LuaScripts;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/** The rule-set store's Lua scripts (see each file's header for KEYS, ARGV and the reply). */
@Component
@SuppressWarnings("rawtypes")
class RuleSetScripts {

    final RedisScript<Long> put = LuaScripts.returningLong("ruleset-put");
    final RedisScript<Long> delete = LuaScripts.returningLong("ruleset-delete");
    final RedisScript<List> readAll = LuaScripts.returningList("rulesets");
}
