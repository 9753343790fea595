-- Fixed-window rate limit: count one call in the caller's current window, starting the window on its first call.
-- KEYS[1] counter of one client in one scope
-- ARGV[1] window length (ms)
-- Returns the number of calls counted in the current window, this one included.
-- One script, so the counter can never be left without its expiry (a key without one would limit forever).
local count = redis.call('INCR', KEYS[1])
if count == 1 or redis.call('PTTL', KEYS[1]) == -1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
return count
