-- Forget a game server: its hash, its index entries and its lands.
-- KEYS[1] server hash  KEYS[2] servers zset  KEYS[3] lands zset of the server
-- ARGV[1] key prefix  ARGV[2] serverId
-- Returns 1 when the server was registered, 0 otherwise (removing an unknown server is not an error).

local prefix, serverId = ARGV[1], ARGV[2]
local landType = redis.call('HGET', KEYS[1], 'landType')
if landType then
  redis.call('ZREM', prefix .. 'servers:land:' .. landType, serverId)
end
local known = redis.call('ZREM', KEYS[2], serverId) + redis.call('DEL', KEYS[1])
redis.call('DEL', KEYS[3])
if known > 0 then
  return 1
end
return 0
