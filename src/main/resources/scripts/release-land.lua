-- Release a land: the game on it ended, so its capacity slot is free at once and its backfill stops.
-- KEYS[1] land hash  KEYS[2] backfill hash  KEYS[3] open-backfills zset
-- ARGV[1] key prefix  ARGV[2] now (epoch ms)  ARGV[3] ended retention (seconds, for the backfill record)
-- ARGV[4] landId
-- Returns 1 when an active land was released, 0 for an unknown, expired or already released one (nothing changes).
-- The capacity slot, the land's status and an open backfill change together: no tick can fill a backfill of a land
-- whose slot is already given to another match.
local land = redis.call('HMGET', KEYS[1], 'status', 'serverId')
if land[1] ~= 'active' then
  return 0
end
local prefix, now = ARGV[1], ARGV[2]
redis.call('ZREM', prefix .. 'lands:' .. land[2], ARGV[4])
redis.call('HSET', KEYS[1], 'status', 'released', 'releasedAt', now)
if redis.call('HGET', KEYS[2], 'status') == 'open' then
  redis.call('HSET', KEYS[2], 'status', 'cancelled', 'updatedAt', now)
  redis.call('EXPIRE', KEYS[2], ARGV[3])
end
redis.call('ZREM', KEYS[3], ARGV[4])
return 1
