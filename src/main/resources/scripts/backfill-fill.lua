-- Fill open backfill requests with claimed tickets: each ticket is assigned to the request's land only while the
-- request is open, unexpired, of the same backfillId, its land active, and its team still has room for the party.
-- KEYS[1] lock of the shard the requests' queues belong to  KEYS[2] claims zset  KEYS[3] expiries zset
-- KEYS[4] open-backfills zset
-- KEYS[5] recent-matches list
-- ARGV[1] fencing token  ARGV[2] now (epoch ms)  ARGV[3] key prefix  ARGV[4] assignment TTL (seconds)
-- ARGV[5] assignment expiry (epoch ms)  ARGV[6] ended retention (seconds)  ARGV[7] stats bucket TTL (seconds)
-- ARGV[8..#ARGV-1] requests, each: landId, backfillId, k, then k groups of claimId, ticketId, team, groupSize,
-- assignment, then the request's recent-matches summary JSON (its 'tickets' the k tickets in order)
-- ARGV[#ARGV] recent matches kept (0: none, and the summaries are empty)
-- Returns {'fenced'} when the caller does not hold the shard's lock (nothing changed), else one integer per ticket in
-- the order given: 1 filled, 0 refused (the caller puts the ticket back in its queue).
-- Slots are checked and decremented here, in one script under the fencing token, so two instances, a renewal or a
-- cancel racing the tick can never over-fill a request. A filled ticket is assigned exactly as commit.lua does
-- (indexes dropped, retention TTL, match.assigned published after the state change); the land's capacity slot and
-- record are kept until the newest assignment expires; the time-to-match sample goes into the queue's statistics.
-- A request that filled any ticket pushes its summary, cut to the tickets it did fill, onto the recent-matches list
-- (trimmed to its cap once per call), as commit.lua does for a new match.
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return {'fenced'}
end
local now, prefix, ttl, expiresAt, retention, statsTtl = ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7]

local function waitBucket(waitedMs)
  if waitedMs < 100 then
    return 0
  end
  return math.min(80, math.floor(4 * math.log(waitedMs / 100) / math.log(2)) + 1)
end

local function assign(ticketId, assignment, queueKey)
  local ticketKey = prefix .. 'ticket:' .. ticketId
  local t = redis.call('HMGET', ticketKey, 'groupId', 'members', 'createdAt')
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
  local statsKey = prefix .. 'stats:' .. queueKey .. ':' .. math.floor(tonumber(now) / 1000)
  redis.call('HINCRBY', statsKey, 't', 1)
  redis.call('HINCRBY', statsKey, 'h' .. waitBucket(math.max(0, tonumber(now) - tonumber(t[3] or now))), 1)
  redis.call('EXPIRE', statsKey, statsTtl)
end

local recentKept = tonumber(ARGV[#ARGV])
local pushed = false
local results = {}
local i = 8
while i < #ARGV do
  local landId, backfillId, k = ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2])
  local landKey, backfillKey = prefix .. 'land:' .. landId, prefix .. 'backfill:' .. landId
  local land = redis.call('HMGET', landKey, 'status', 'serverId', 'queueKey', 'tickets')
  local b = redis.call('HMGET', backfillKey, 'status', 'backfillId', 'expiresAt', 'openSlots', 'filled')
  local open = land[1] == 'active' and b[1] == 'open' and b[2] == backfillId and tonumber(b[3]) > tonumber(now)
  local slots = open and cjson.decode(b[4]) or {}
  local filled = open and cjson.decode(b[5]) or {}
  local landTickets = open and cjson.decode(land[4]) or {}
  local any = false
  local filledHere = {}
  for g = 0, k - 1 do
    local base = i + 3 + 5 * g
    local claimId, ticketId, team, size, assignment = ARGV[base], ARGV[base + 1], ARGV[base + 2],
      tonumber(ARGV[base + 3]), ARGV[base + 4]
    local t = redis.call('HMGET', prefix .. 'ticket:' .. ticketId, 'status', 'claim')
    if open and (tonumber(slots[team]) or 0) >= size and t[1] == 'claimed' and t[2] == claimId then
      assign(ticketId, assignment, land[3])
      slots[team] = tonumber(slots[team]) - size
      filled[#filled + 1] = ticketId
      landTickets[#landTickets + 1] = ticketId
      redis.call('PUBLISH', prefix .. 'events', '{"type":"match.assigned","v":1,"data":{"ticketId":"' .. ticketId
        .. '","assignment":' .. assignment .. '}}')
      results[#results + 1] = 1
      filledHere[g + 1] = true
      any = true
    else
      results[#results + 1] = 0
    end
  end
  if any then
    local left = 0
    for _, n in pairs(slots) do
      left = left + tonumber(n)
    end
    redis.call('HSET', backfillKey, 'openSlots', cjson.encode(slots), 'filled', cjson.encode(filled), 'updatedAt', now)
    if left <= 0 then
      redis.call('HSET', backfillKey, 'status', 'filled')
      redis.call('EXPIRE', backfillKey, retention)
      redis.call('ZREM', KEYS[4], landId)
    end
    redis.call('HSET', landKey, 'tickets', cjson.encode(landTickets), 'expiresAt', expiresAt)
    redis.call('EXPIRE', landKey, ttl)
    redis.call('ZADD', prefix .. 'lands:' .. land[2], 'XX', 'GT', expiresAt, landId)
    if recentKept > 0 then
      local summary = cjson.decode(ARGV[i + 3 + 5 * k])
      local kept = {}
      for g, party in ipairs(summary.tickets) do
        if filledHere[g] then
          kept[#kept + 1] = party
        end
      end
      summary.tickets = kept
      redis.call('LPUSH', KEYS[5], cjson.encode(summary))
      pushed = true
    end
  end
  i = i + 4 + 5 * k
end
if pushed then
  redis.call('LTRIM', KEYS[5], 0, recentKept - 1)
end
return results
