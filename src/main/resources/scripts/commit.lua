-- Commit claimed matches: every ticket of a match becomes assigned, or none does.
-- KEYS[1] tick lock  KEYS[2] claims zset  KEYS[3] expiries zset
-- ARGV[1] fencing token  ARGV[2] now (epoch ms)  ARGV[3] key prefix  ARGV[4] assignment TTL (seconds)
-- ARGV[5] assignment expiry (epoch ms)  ARGV[6] tick lock lease (ms)
-- ARGV[7..] matches, each: claimId, serverId, landId, n, then n pairs of ticketId, assignment JSON
-- The lock is renewed first, in the same round trip, because signing the slice took time. Re-taking a lapsed lock
-- that nobody took is safe: every ticket must still be claimed by this tick's claim, so whatever another holder did
-- meanwhile (sweeping these claims back after their lease) wins.
-- Returns {'fenced'} when another instance holds the lock (nothing changed), else one integer per match:
-- 1 committed, 0 refused because a ticket is no longer claimed by this claim (cancelled meanwhile); the caller
-- then releases the rest of that match and its land.
-- After the state change, each ticket's match.assigned envelope is published (events follow state).
local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] then
  return {'fenced'}
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[6])
local now, prefix, ttl, expiresAt = ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local results = {}
local i = 7
while i <= #ARGV do
  local claimId, serverId, landId, n = ARGV[i], ARGV[i + 1], ARGV[i + 2], tonumber(ARGV[i + 3])
  local ok = true
  for k = 0, n - 1 do
    local ticketId = ARGV[i + 4 + 2 * k]
    local t = redis.call('HMGET', prefix .. 'ticket:' .. ticketId, 'status', 'claim')
    if t[1] ~= 'claimed' or t[2] ~= claimId then
      ok = false
    end
  end
  if ok then
    for k = 0, n - 1 do
      local ticketId, assignment = ARGV[i + 4 + 2 * k], ARGV[i + 5 + 2 * k]
      local ticketKey = prefix .. 'ticket:' .. ticketId
      local t = redis.call('HMGET', ticketKey, 'groupId', 'members')
      redis.call('HSET', ticketKey, 'status', 'assigned', 'assignment', assignment, 'updatedAt', now)
      redis.call('HDEL', ticketKey, 'claim')
      redis.call('EXPIRE', ticketKey, ttl)
      if redis.call('GET', prefix .. 'group:' .. t[1]) == ticketId then
        redis.call('DEL', prefix .. 'group:' .. t[1])
      end
      for _, playerId in ipairs(cjson.decode(t[2])) do
        if redis.call('GET', prefix .. 'player:' .. playerId) == ticketId then
          redis.call('DEL', prefix .. 'player:' .. playerId)
        end
      end
      redis.call('ZREM', KEYS[2], ticketId)
      redis.call('ZREM', KEYS[3], ticketId)
    end
    -- the land now counts against its server until the assignment expires, not just the claim lease
    redis.call('ZADD', prefix .. 'lands:' .. serverId, 'XX', expiresAt, landId)
    for k = 0, n - 1 do
      local ticketId, assignment = ARGV[i + 4 + 2 * k], ARGV[i + 5 + 2 * k]
      redis.call('PUBLISH', prefix .. 'events', '{"type":"match.assigned","v":1,"data":{"ticketId":"' .. ticketId
        .. '","assignment":' .. assignment .. '}}')
    end
    results[#results + 1] = 1
  else
    results[#results + 1] = 0
  end
  i = i + 4 + 2 * n
end
return results
