package dev.matchplane.system;

import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/** Loads the Lua files under {@code scripts/}; each runs by EVALSHA, falling back to EVAL after a Redis restart. */
public final class LuaScripts {

    private LuaScripts() {
    }

    @SuppressWarnings("rawtypes")
    public static RedisScript<List> returningList(String name) {
        return RedisScript.of(new ClassPathResource("scripts/" + name + ".lua"), List.class);
    }

    public static RedisScript<Long> returningLong(String name) {
        return RedisScript.of(new ClassPathResource("scripts/" + name + ".lua"), Long.class);
    }
}
