-- Enqueue one ticket atomically: dedup by group, one queued ticket per player, then write everything.
-- KEYS[1] ticket hash        KEYS[2] group key        KEYS[3] queue zset
-- KEYS[4] active-queues set of the queue's shard  KEYS[5] expiries zset   KEYS[6] the queue's wake-pending key
-- KEYS[7..] one player key per member (same order as ARGV[14..])
-- ARGV[1] ticketId  ARGV[2] queueKey  ARGV[3] groupId  ARGV[4] members (JSON array)  ARGV[5] groupSize
-- ARGV[6] region ('' = none)  ARGV[7] constraints JSON ('' = none)  ARGV[8] now (epoch ms)
-- ARGV[9] expires at (epoch ms)  ARGV[10] refusal decided by the caller: '0' none, '1' party too large,
-- '2' a required attribute is missing (rule set)  ARGV[11] ticket key prefix
-- ARGV[12] wake channel  ARGV[13] wake-pending lifetime (ms)  ARGV[14 .. 7 + #KEYS] player ids
-- ARGV[8 + #KEYS] players JSON ('' = none; stored in the hash as 'players')
-- Returns {'created', ticketId, woke ('1'|'0')} | {'duplicate', ticketId} | {'player', playerId} | {'too_large'}
--   | {'attribute_required'}
-- A created ticket wakes the matching of its queue: PUBLISH queueKey on the wake channel, unless a wake-up of this
-- queue is already pending (its key exists; windows.lua deletes it when the tick reads the queue), so a burst of
-- enqueues costs one wake-up, not one per request (docs/architecture.md, "Wake-ups").
-- The hash names its shard's active-queues set (field 'active'): release.lua and finish.lua, which only know ticket
-- ids, re-add or remove the queue there.
-- Order follows docs/rest-api.md (enqueue): dedup first, then the player rule, then the 422 refusals.

local function live(ticketId)
  -- A group/player key only exists while its ticket is queued or claimed; the check guards against a hash
  -- that vanished by other means (eviction, manual deletion) so that a stale key cannot block a player forever.
  local status = redis.call('HGET', ARGV[11] .. ticketId, 'status')
  return status == 'queued' or status == 'claimed'
end

local existing = redis.call('GET', KEYS[2])
if existing and live(existing) then
  return {'duplicate', existing}
end
for i = 7, #KEYS do
  local holder = redis.call('GET', KEYS[i])
  if holder and live(holder) then
    return {'player', ARGV[i + 7]}
  end
end
if ARGV[10] == '1' then
  return {'too_large'}
end
if ARGV[10] == '2' then
  return {'attribute_required'}
end

redis.call('HSET', KEYS[1], 'status', 'queued', 'queueKey', ARGV[2], 'groupId', ARGV[3], 'members', ARGV[4],
  'groupSize', ARGV[5], 'region', ARGV[6], 'constraints', ARGV[7], 'createdAt', ARGV[8], 'updatedAt', ARGV[8],
  'active', KEYS[4])
local players = ARGV[8 + #KEYS]
if players and players ~= '' then
  redis.call('HSET', KEYS[1], 'players', players)
end
redis.call('SET', KEYS[2], ARGV[1])
for i = 7, #KEYS do
  redis.call('SET', KEYS[i], ARGV[1])
end
redis.call('ZADD', KEYS[3], ARGV[8], ARGV[1] .. ':' .. ARGV[5])
redis.call('SADD', KEYS[4], ARGV[2])
redis.call('ZADD', KEYS[5], ARGV[9], ARGV[1])
if redis.call('SET', KEYS[6], '1', 'NX', 'PX', ARGV[13]) then
  redis.call('PUBLISH', ARGV[12], ARGV[2])
  return {'created', ARGV[1], '1'}
end
return {'created', ARGV[1], '0'}
