-- Open a land's backfill request, or renew the open one (the game server posts again before it expires).
-- KEYS[1] land hash  KEYS[2] backfill hash  KEYS[3] open-backfills zset
-- ARGV[1] landId  ARGV[2] now (epoch ms)  ARGV[3] expires at (epoch ms)  ARGV[4] new backfillId
-- ARGV[5] open slots (JSON object team -> slots)  ARGV[6] current players (JSON, '' = none)
-- ARGV[7] record TTL (seconds: the request's life plus the ended retention)
-- Returns {'no_land'} for a land that is not active (never placed, expired or released), else
-- {'opened' | 'renewed', backfillId, expiresAt}.
-- A renewal replaces the open slots with the ones posted (the game server's current view) and keeps the id and the
-- tickets filled so far; a request that ended (filled, expired, cancelled) is replaced by a new one. The tick's fill
-- checks the slots as they are when it runs (backfill-fill.lua), so a renewal racing it never over-fills.
if redis.call('HGET', KEYS[1], 'status') ~= 'active' then
  return {'no_land'}
end
local now, expiresAt = ARGV[2], ARGV[3]
local b = redis.call('HMGET', KEYS[2], 'status', 'backfillId', 'expiresAt')
local verdict, backfillId = 'renewed', b[2]
if b[1] == 'open' and tonumber(b[3]) > tonumber(now) then
  redis.call('HSET', KEYS[2], 'openSlots', ARGV[5], 'players', ARGV[6], 'expiresAt', expiresAt, 'updatedAt', now)
else
  verdict, backfillId = 'opened', ARGV[4]
  redis.call('DEL', KEYS[2])
  redis.call('HSET', KEYS[2], 'backfillId', backfillId, 'status', 'open', 'openSlots', ARGV[5], 'filled', '[]',
    'players', ARGV[6], 'createdAt', now, 'updatedAt', now, 'expiresAt', expiresAt)
end
redis.call('EXPIRE', KEYS[2], ARGV[7])
redis.call('ZADD', KEYS[3], expiresAt, ARGV[1])
return {verdict, backfillId, expiresAt}
