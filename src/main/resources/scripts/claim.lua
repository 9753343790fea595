-- Claim the tickets of proposed matches: a proposal is claimed only if all its tickets still wait.
-- KEYS[1] lock of the shard the proposals' queues belong to  KEYS[2] claims zset
-- KEYS[3] active-queues set of that shard
-- ARGV[1] fencing token  ARGV[2] lease end (epoch ms)  ARGV[3] key prefix
-- ARGV[4..] proposals, each: claimId, queueKey, n, then n queue members ('<ticketId>:<groupSize>')
-- Returns {'fenced'} when the caller no longer holds the shard's lock (nothing changed), else one entry per proposal:
-- {} when rejected, or a flat list of 5 fields per ticket: ticketId, groupSize, members JSON, region, createdAt.
-- Claimed tickets leave their queue (other matching cannot see them) and are scored in the claims zset by their
-- lease end: if this instance dies before commit, the sweep puts them back with their original enqueue time.
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return {'fenced'}
end
local prefix, leaseEnd = ARGV[3], ARGV[2]
local results = {}
local touchedQueues = {}
local i = 4
while i <= #ARGV do
  local claimId, queueKey, n = ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2])
  local queue = prefix .. 'queue:' .. queueKey
  touchedQueues[queueKey] = queue
  local rows, ok = {}, true
  for k = 1, n do
    local member = ARGV[i + 2 + k]
    local ticketId = string.match(member, '^(.*):%d+$')
    local t = redis.call('HMGET', prefix .. 'ticket:' .. ticketId, 'status', 'groupSize', 'members', 'region',
      'createdAt')
    if t[1] ~= 'queued' then
      ok = false
      if t[1] ~= 'claimed' then
        -- a member whose ticket no longer waits must not jam the window forever
        redis.call('ZREM', queue, member)
      end
    end
    rows[k] = {ticketId, member, t}
  end
  local result = {}
  if ok then
    for _, row in ipairs(rows) do
      local ticketId, member, t = row[1], row[2], row[3]
      redis.call('HSET', prefix .. 'ticket:' .. ticketId, 'status', 'claimed', 'claim', claimId)
      redis.call('ZREM', queue, member)
      redis.call('ZADD', KEYS[2], leaseEnd, ticketId)
      for _, field in ipairs({ticketId, t[2], t[3], t[4], t[5]}) do
        result[#result + 1] = field
      end
    end
  end
  results[#results + 1] = result
  i = i + 3 + n
end
for queueKey, queue in pairs(touchedQueues) do
  if redis.call('ZCARD', queue) == 0 then
    redis.call('SREM', KEYS[3], queueKey)
  end
end
return results
