-- Remove game servers whose last heartbeat is older than the TTL, a bounded batch at a time.
-- KEYS[1] servers zset (serverId scored by last heartbeat)
-- ARGV[1] key prefix  ARGV[2] cutoff (epoch ms; a heartbeat before it is dead)  ARGV[3] batch size
-- Returns the ids of the removed servers.
-- Selection and removal are one script, so a heartbeat that lands between them cannot be lost. The lands zset
-- goes too: nothing else would ever trim it once the server is gone.

local prefix, cutoff, batch = ARGV[1], ARGV[2], ARGV[3]
local dead = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. cutoff, 'LIMIT', 0, batch)
for _, serverId in ipairs(dead) do
  local serverKey = prefix .. 'server:' .. serverId
  local landType = redis.call('HGET', serverKey, 'landType')
  if landType then
    redis.call('ZREM', prefix .. 'servers:land:' .. landType, serverId)
  end
  redis.call('ZREM', KEYS[1], serverId)
  redis.call('DEL', serverKey, prefix .. 'lands:' .. serverId)
end
return dead
