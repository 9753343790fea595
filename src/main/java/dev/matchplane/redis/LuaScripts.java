package dev.matchplane.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Loads the Lua files under {@code scripts/}; each runs by EVALSHA, falling back to EVAL after a Redis restart.
 * The text is read once: a script backed by a resource asks the resource for its modification time on every call
 * (a lookup inside the application jar), which cost 8 % of an enqueue's CPU.
 */
public final class LuaScripts {

    private LuaScripts() {
    }

    @SuppressWarnings("rawtypes")
    public static RedisScript<List> returningList(String name) {
        return RedisScript.of(text(name), List.class);
    }

    public static RedisScript<Long> returningLong(String name) {
        return RedisScript.of(text(name), Long.class);
    }

    private static String text(String name) {
        String path = "scripts/" + name + ".lua";
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the Lua script " + path, ex);
        }
    }
}
