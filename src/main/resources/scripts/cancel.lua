-- Cancel a queued (or claimed) ticket atomically and announce it.
-- KEYS[1] ticket hash  KEYS[2] active-queues set  KEYS[3] expiries zset  KEYS[4] claims zset
-- ARGV[1] key prefix  ARGV[2] ticketId  ARGV[3] now (epoch ms)  ARGV[4] retention (seconds)
-- Returns 1 when cancelled, 0 when the ticket is unknown or no longer waiting.
-- Group, player and queue keys are rebuilt from the stored ticket (shapes of RedisKeys), so the client needs
-- one round trip; this keeps all keys of a deployment on one Redis node (standalone or Sentinel).
-- A claimed ticket is cancelled too: the commit script then finds it no longer claimed and drops the match.

local t = redis.call('HMGET', KEYS[1], 'status', 'queueKey', 'groupId', 'members', 'groupSize')
local status, queueKey, groupId, members, groupSize = t[1], t[2], t[3], t[4], t[5]
if status ~= 'queued' and status ~= 'claimed' then
  return 0
end
local prefix, ticketId = ARGV[1], ARGV[2]

local queue = prefix .. 'queue:' .. queueKey
redis.call('ZREM', queue, ticketId .. ':' .. groupSize)
if redis.call('ZCARD', queue) == 0 then
  redis.call('SREM', KEYS[2], queueKey)
end
local groupKey = prefix .. 'group:' .. groupId
if redis.call('GET', groupKey) == ticketId then
  redis.call('DEL', groupKey)
end
for _, playerId in ipairs(cjson.decode(members)) do
  local playerKey = prefix .. 'player:' .. playerId
  if redis.call('GET', playerKey) == ticketId then
    redis.call('DEL', playerKey)
  end
end
redis.call('ZREM', KEYS[3], ticketId)
redis.call('ZREM', KEYS[4], ticketId)
redis.call('HSET', KEYS[1], 'status', 'cancelled', 'updatedAt', ARGV[3])
redis.call('HDEL', KEYS[1], 'claim')
redis.call('EXPIRE', KEYS[1], ARGV[4])
redis.call('PUBLISH', prefix .. 'events',
  '{"type":"ticket.cancelled","v":1,"data":{"ticketId":"' .. ticketId .. '"}}')
return 1
