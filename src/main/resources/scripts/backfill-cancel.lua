-- Cancel a land's open backfill request: the tick fills nothing more from it, at once.
-- KEYS[1] land hash  KEYS[2] backfill hash  KEYS[3] open-backfills zset
-- ARGV[1] landId  ARGV[2] now (epoch ms)  ARGV[3] ended retention (seconds)
-- Returns -1 for a land that is not active, 1 when an open request was cancelled, else 0.
-- Atomic with the fill (backfill-fill.lua checks the status in its own script), so no ticket is filled after it.
if redis.call('HGET', KEYS[1], 'status') ~= 'active' then
  return -1
end
redis.call('ZREM', KEYS[3], ARGV[1])
if redis.call('HGET', KEYS[2], 'status') ~= 'open' then
  return 0
end
redis.call('HSET', KEYS[2], 'status', 'cancelled', 'updatedAt', ARGV[2])
redis.call('EXPIRE', KEYS[2], ARGV[3])
return 1
