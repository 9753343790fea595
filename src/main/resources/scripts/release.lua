-- Put claimed tickets back in their queue with their original enqueue time (allocation failed, the commit was
-- refused, or the claiming instance died and the lease ran out).
-- KEYS[1] claims zset  KEYS[2] the pre-shard active-queues set (for a ticket whose hash names no shard set)
-- ARGV[1] key prefix  ARGV[2] 'given' | 'stale'  ARGV[3] now (epoch ms, for 'stale')  ARGV[4] batch (for 'stale')
-- ARGV[5..] for 'given': pairs of claimId, ticketId
-- Returns the number of tickets put back.
-- A ticket is put back only while it is still claimed (by that claim, for 'given'): a ticket cancelled meanwhile
-- stays cancelled, and one committed meanwhile stays assigned.
local prefix = ARGV[1]
local pairsToRelease = {}
if ARGV[2] == 'stale' then
  for _, ticketId in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[3], 'LIMIT', 0, tonumber(ARGV[4]))) do
    pairsToRelease[#pairsToRelease + 1] = {false, ticketId}
  end
else
  for i = 5, #ARGV, 2 do
    pairsToRelease[#pairsToRelease + 1] = {ARGV[i], ARGV[i + 1]}
  end
end
local released = 0
for _, pair in ipairs(pairsToRelease) do
  local claimId, ticketId = pair[1], pair[2]
  local ticketKey = prefix .. 'ticket:' .. ticketId
  local t = redis.call('HMGET', ticketKey, 'status', 'claim', 'queueKey', 'groupSize', 'createdAt',
    'active')
  if t[1] == 'claimed' and (claimId == false or t[2] == claimId) then
    redis.call('HSET', ticketKey, 'status', 'queued')
    redis.call('HDEL', ticketKey, 'claim')
    redis.call('ZADD', prefix .. 'queue:' .. t[3], t[5], ticketId .. ':' .. t[4])
    redis.call('SADD', t[6] or KEYS[2], t[3]) -- its shard's set, named by enqueue.lua
    released = released + 1
  end
  if t[1] ~= 'claimed' or claimId == false or t[2] == claimId then
    redis.call('ZREM', KEYS[1], ticketId)
  end
end
return released
