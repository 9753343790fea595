-- Read what a tick may match, in one call: the active queues whose landType (the queue key before its first ':')
-- has a live server, and the oldest tickets of each. Queues without a live server are not read at all.
-- KEYS[1] active-queues set
-- ARGV[1] key prefix  ARGV[2] live since (epoch ms: a heartbeat at or after it is live)  ARGV[3] window size
-- Deletes the wake-pending key of every queue it reads: an enqueue after this read wakes the matching again, one
-- before it is in this window (enqueue.lua).
-- Returns a flat list: queueKey, then its window as {member, score, member, score, ...} oldest first, per queue.
-- Keys are built from the prefix like RedisKeys.queue and RedisKeys.serversOfLandType (docs/architecture.md).
local prefix, liveSince, last = ARGV[1], ARGV[2], tonumber(ARGV[3]) - 1
local served = {}
local result = {}
for _, queueKey in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local colon = string.find(queueKey, ':', 1, true)
  local landType = colon and string.sub(queueKey, 1, colon - 1) or queueKey
  if served[landType] == nil then
    served[landType] = redis.call('ZCOUNT', prefix .. 'servers:land:' .. landType, liveSince, '+inf') > 0
  end
  if served[landType] then
    result[#result + 1] = queueKey
    redis.call('DEL', prefix .. 'wake:' .. queueKey)
    result[#result + 1] = redis.call('ZRANGE', prefix .. 'queue:' .. queueKey, 0, last, 'WITHSCORES')
  end
end
return result
