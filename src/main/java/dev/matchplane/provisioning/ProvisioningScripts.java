package dev.matchplane.provisioning;

import java.util.List;

import dev.matchplane.redis.LuaScripts;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/** The provisioning feature's Lua scripts, loaded once (their SHA is computed once and reused by EVALSHA). */
@Component
@SuppressWarnings("rawtypes")
class ProvisioningScripts {

    private final RedisScript<Long> register = LuaScripts.returningLong("register-server");
    private final RedisScript<Long> remove = LuaScripts.returningLong("remove-server");
    private final RedisScript<List> allocate = LuaScripts.returningList("allocate-lands");
    private final RedisScript<List> sweep = LuaScripts.returningList("sweep-servers");

    RedisScript<Long> register() {
        return register;
    }

    RedisScript<Long> remove() {
        return remove;
    }

    RedisScript<List> allocate() {
        return allocate;
    }

    RedisScript<List> sweep() {
        return sweep;
    }
}
