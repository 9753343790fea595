package dev.matchplane.ticket;

import java.util.List;

import dev.matchplane.redis.LuaScripts;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/** The ticket feature's Lua scripts, loaded once (their SHA is computed once and reused by EVALSHA). */
@Component
@SuppressWarnings("rawtypes")
class TicketScripts {

    private final RedisScript<List> enqueue = LuaScripts.returningList("enqueue");
    private final RedisScript<Long> finish = LuaScripts.returningLong("finish");

    RedisScript<List> enqueue() {
        return enqueue;
    }

    /** finish.lua ends tickets for cancel (here) and expiry (the matching sweep). */
    RedisScript<Long> finish() {
        return finish;
    }
}
