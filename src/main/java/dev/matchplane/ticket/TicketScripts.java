package dev.matchplane.ticket;

import java.util.List;

import dev.matchplane.system.LuaScripts;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/** The ticket feature's Lua scripts, loaded once (their SHA is computed once and reused by EVALSHA). */
@Component
@SuppressWarnings("rawtypes")
class TicketScripts {

    private final RedisScript<List> enqueue = LuaScripts.returningList("enqueue");
    private final RedisScript<Long> cancel = LuaScripts.returningLong("cancel");

    RedisScript<List> enqueue() {
        return enqueue;
    }

    RedisScript<Long> cancel() {
        return cancel;
    }
}
