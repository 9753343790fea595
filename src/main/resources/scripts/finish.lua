-- End waiting tickets for good: cancel the given ones, or expire those whose deadline has passed.
-- KEYS[1] the pre-shard active-queues set (for a ticket whose hash names no shard set)  KEYS[2] expiries zset
-- KEYS[3] claims zset
-- ARGV[1] key prefix  ARGV[2] now (epoch ms)  ARGV[3] retention (seconds)  ARGV[4] 'cancelled' | 'expired'
-- ARGV[5] expire: batch size (most tickets to end); cancel: the player who must be a member of the ticket, or ''
--         for anyone (player authentication off)  ARGV[6..] ticket ids (cancel)
-- Returns the number of tickets ended.
-- A ticket that does not list the required member is left untouched, exactly like an unknown one: checked in the
-- same step as the cancel, so no other player's ticket can be ended, and the answer tells nothing about it.
-- Cancel ends queued and claimed tickets (the commit script then drops the claimed match); expiry ends only queued
-- ones, since a claimed ticket is being matched right now and gets expired by a later sweep if released.
-- Group, player and queue keys are rebuilt from the stored ticket (shapes of RedisKeys), which keeps the
-- request to one round trip; all keys of a deployment therefore live on one Redis node (standalone or Sentinel).
local prefix, now, retention, outcome = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local requiredMember = outcome == 'cancelled' and ARGV[5] or ''

local function deleteIfHeld(key, ticketId)
  if redis.call('GET', key) == ticketId then
    redis.call('DEL', key)
  end
end

local function lists(membersJson, playerId)
  for _, member in ipairs(cjson.decode(membersJson)) do
    if member == playerId then
      return true
    end
  end
  return false
end

local function finish(ticketId)
  local ticketKey = prefix .. 'ticket:' .. ticketId
  local t = redis.call('HMGET', ticketKey, 'status', 'queueKey', 'groupId', 'members', 'groupSize', 'active')
  local status = t[1]
  if requiredMember ~= '' and not (t[4] and lists(t[4], requiredMember)) then
    return 0
  end
  local waiting = status == 'queued' or (status == 'claimed' and outcome == 'cancelled')
  if not waiting then
    if status ~= 'claimed' then
      redis.call('ZREM', KEYS[2], ticketId)
    end
    return 0
  end
  local queue = prefix .. 'queue:' .. t[2]
  redis.call('ZREM', queue, ticketId .. ':' .. t[5])
  if redis.call('ZCARD', queue) == 0 then
    redis.call('SREM', t[6] or KEYS[1], t[2]) -- its shard's set, named by enqueue.lua
  end
  deleteIfHeld(prefix .. 'group:' .. t[3], ticketId)
  for _, playerId in ipairs(cjson.decode(t[4])) do
    deleteIfHeld(prefix .. 'player:' .. playerId, ticketId)
  end
  redis.call('ZREM', KEYS[2], ticketId)
  redis.call('ZREM', KEYS[3], ticketId)
  redis.call('HSET', ticketKey, 'status', outcome, 'updatedAt', now)
  redis.call('HDEL', ticketKey, 'claim')
  redis.call('EXPIRE', ticketKey, retention)
  local eventType = outcome == 'cancelled' and 'ticket.cancelled' or 'ticket.expired'
  redis.call('PUBLISH', prefix .. 'events',
    '{"type":"' .. eventType .. '","v":1,"data":{"ticketId":"' .. ticketId .. '"}}')
  return 1
end

local ids
if outcome == 'expired' then
  ids = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, tonumber(ARGV[5]))
else
  ids = {}
  for i = 6, #ARGV do
    ids[#ids + 1] = ARGV[i]
  end
end
local ended = 0
for _, ticketId in ipairs(ids) do
  ended = ended + finish(ticketId)
end
return ended
