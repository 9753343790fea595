-- Register a game server or record its heartbeat, atomically with its index entries.
-- KEYS[1] server hash  KEYS[2] servers zset  KEYS[3] servers-of-landType zset of the landType sent now
-- ARGV[1] key prefix  ARGV[2] serverId  ARGV[3] now (epoch ms)  ARGV[4] landType
-- ARGV[5..] field, value pairs: everything the server sent (absent optional fields are not passed)
-- Returns 1 for a new server, 0 for a heartbeat. A server that changed landType leaves the old landType's index.
-- The hash is rewritten, so an optional field a heartbeat leaves out is removed; registeredAt survives heartbeats.

local prefix, serverId, now, landType = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local old = redis.call('HMGET', KEYS[1], 'registeredAt', 'landType')
local registeredAt, oldLandType = old[1], old[2]
if oldLandType and oldLandType ~= landType then
  redis.call('ZREM', prefix .. 'servers:land:' .. oldLandType, serverId)
end

redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'registeredAt', registeredAt or now, 'lastSeenAt', now, unpack(ARGV, 5))
redis.call('ZADD', KEYS[2], now, serverId)
redis.call('ZADD', KEYS[3], now, serverId)
if registeredAt then
  return 0
end
return 1
