-- Commit claimed matches: every ticket of a match becomes assigned, or none does.
-- KEYS[1] lock of the shard the matches' queues belong to  KEYS[2] claims zset  KEYS[3] expiries zset
-- KEYS[4] recent-matches list
-- ARGV[1] fencing token  ARGV[2] now (epoch ms)  ARGV[3] key prefix  ARGV[4] assignment TTL (seconds)
-- ARGV[5] assignment expiry (epoch ms)  ARGV[6] shard lock lease (ms)  ARGV[7] stats bucket TTL (seconds)
-- ARGV[8..#ARGV-1] matches, each: claimId, serverId, landId, queueKey, matchId, connectUrl, n, then n pairs of
-- ticketId, assignment JSON, then the match's recent-matches summary JSON
-- ARGV[#ARGV] recent matches kept (0: none, and the summaries are empty)
-- The lock is renewed first, in the same round trip, because signing the slice took time. Re-taking a lapsed lock
-- that nobody took is safe: every ticket must still be claimed by this tick's claim, so whatever another holder did
-- meanwhile (sweeping these claims back after their lease) wins.
-- Returns {'fenced'} when another instance holds the shard's lock (nothing changed), else one integer per match:
-- 1 committed, 0 refused because a ticket is no longer claimed by this claim (cancelled meanwhile); the caller
-- then releases the rest of that match and its land.
-- A committed match also writes its land record (land:<landId>, kept as long as the assignments: release and
-- backfill act on it) and the queue's statistics of this second (stats:<queueKey>:<epoch second>: matches 'm',
-- tickets 't', and time-to-match counts per log-spaced bucket 'h<i>', see queue-stats.lua), and scores the queue in
-- stats:queues by this commit's time (the metrics read the queues seen in the last hour), and pushes its summary onto
-- the recent-matches list, so the list only ever shows matches that committed; the list is trimmed to its cap once
-- per call, so it never holds more than the cap after a call.
-- After the state change, each ticket's match.assigned envelope is published (events follow state).
local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] then
  return {'fenced'}
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[6])
local now, prefix, ttl, expiresAt, statsTtl = ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[7]
-- bucket 0 is [0, 100) ms; bucket i >= 1 is [100 * 2^((i-1)/4), 100 * 2^(i/4)) ms, capped (QueueStatistics reads
-- the same bounds)
local function waitBucket(waitedMs)
  if waitedMs < 100 then
    return 0
  end
  return math.min(80, math.floor(4 * math.log(waitedMs / 100) / math.log(2)) + 1)
end

-- Statistics are summed per queue over the whole call and written once at the end: every match of one call falls
-- in the same second's bucket, so the sums are what per-match writes would leave, for a few commands per queue
-- instead of 4 + (tickets) per match.
local statsByQueue, statsQueues = {}, {}
local function recordStats(queueKey, createdAts)
  local counts = statsByQueue[queueKey]
  if counts == nil then
    counts = {m = 0, t = 0}
    statsByQueue[queueKey] = counts
    statsQueues[#statsQueues + 1] = queueKey
  end
  counts.m = counts.m + 1
  counts.t = counts.t + #createdAts
  for _, createdAt in ipairs(createdAts) do
    local field = 'h' .. waitBucket(math.max(0, tonumber(now) - tonumber(createdAt)))
    counts[field] = (counts[field] or 0) + 1
  end
end

local function writeStats()
  for _, queueKey in ipairs(statsQueues) do
    local statsKey = prefix .. 'stats:' .. queueKey .. ':' .. math.floor(tonumber(now) / 1000)
    for field, count in pairs(statsByQueue[queueKey]) do
      redis.call('HINCRBY', statsKey, field, count)
    end
    redis.call('EXPIRE', statsKey, statsTtl)
    redis.call('ZADD', prefix .. 'stats:queues', now, queueKey)
  end
end

local recentKept = tonumber(ARGV[#ARGV])
local recent = {}
local results = {}
local i = 8
while i < #ARGV do
  local claimId, serverId, landId, queueKey, matchId, connectUrl, n = ARGV[i], ARGV[i + 1], ARGV[i + 2],
    ARGV[i + 3], ARGV[i + 4], ARGV[i + 5], tonumber(ARGV[i + 6])
  local ok = true
  for k = 0, n - 1 do
    local ticketId = ARGV[i + 7 + 2 * k]
    local t = redis.call('HMGET', prefix .. 'ticket:' .. ticketId, 'status', 'claim')
    if t[1] ~= 'claimed' or t[2] ~= claimId then
      ok = false
    end
  end
  if ok then
    local ticketIds, createdAts = {}, {}
    for k = 0, n - 1 do
      local ticketId, assignment = ARGV[i + 7 + 2 * k], ARGV[i + 8 + 2 * k]
      local ticketKey = prefix .. 'ticket:' .. ticketId
      local t = redis.call('HMGET', ticketKey, 'groupId', 'members', 'createdAt')
      ticketIds[#ticketIds + 1] = ticketId
      createdAts[#createdAts + 1] = t[3] or now
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
    local landKey = prefix .. 'land:' .. landId
    redis.call('HSET', landKey, 'status', 'active', 'serverId', serverId, 'queueKey', queueKey, 'matchId', matchId,
      'connectUrl', connectUrl, 'tickets', cjson.encode(ticketIds), 'createdAt', now, 'expiresAt', expiresAt)
    redis.call('EXPIRE', landKey, ttl)
    recordStats(queueKey, createdAts)
    if recentKept > 0 then
      recent[#recent + 1] = ARGV[i + 7 + 2 * n]
    end
    for k = 0, n - 1 do
      local ticketId, assignment = ARGV[i + 7 + 2 * k], ARGV[i + 8 + 2 * k]
      redis.call('PUBLISH', prefix .. 'events', '{"type":"match.assigned","v":1,"data":{"ticketId":"' .. ticketId
        .. '","assignment":' .. assignment .. '}}')
    end
    results[#results + 1] = 1
  else
    results[#results + 1] = 0
  end
  i = i + 8 + 2 * n
end
-- one variadic LPUSH (in chunks, within Lua's stack) instead of one per match; LPUSH a b c leaves c first, as
-- three LPUSHes would. Only the newest recentKept can survive the trim, so only those are pushed.
if #recent > 0 then
  local from = math.max(1, #recent - recentKept + 1)
  while from <= #recent do
    local to = math.min(#recent, from + 999)
    redis.call('LPUSH', KEYS[4], unpack(recent, from, to))
    from = to + 1
  end
  redis.call('LTRIM', KEYS[4], 0, recentKept - 1)
end
writeStats()
return results
