-- Read what one shard's tick may backfill, in one call: the open backfill requests whose queue is an active queue
-- of the shard, and the oldest tickets of those queues (a request whose queue has nobody waiting has nothing to
-- fill). With ARGV[6] = '1' (the holder of shard 0 sweeps, once for all shards) requests past their expiry (not
-- renewed) become 'expired' first; the others are left out of the read until then. A request whose land is no
-- longer active, or whose server is gone (deregistered or swept), becomes 'cancelled'.
-- KEYS[1] open-backfills zset  KEYS[2] active-queues set of the shard
-- ARGV[1] key prefix  ARGV[2] now (epoch ms)  ARGV[3] window size  ARGV[4] ended retention (seconds)
-- ARGV[5] most requests read  ARGV[6] '1' to expire overdue requests, else '0'
-- ARGV[7..] queue-key patterns of the rule sets ('*' = any run), as windows.lua takes
-- Returns {expiredCount, requests, windows}: requests a flat list of 11 fields per open request (landId, backfillId,
-- queueKey, openSlots JSON, createdAt, players JSON, serverId, connectUrl, matchId, the server's region ('' = none),
-- the assignment JSON of the land's first ticket still assigned ('' = none), which holds its match's region and
-- matchAttributes); windows a flat list of queueKey, its window {member, score, ...} oldest first, then {} for a
-- queue no pattern matches, else {members JSON, region, players JSON, ...} per window entry, in window order.
local prefix, now, last = ARGV[1], ARGV[2], tonumber(ARGV[3]) - 1
local patterns = {}
for i = 7, #ARGV do
  -- glob to an anchored Lua pattern: escape the magic characters, then '*' matches any run
  patterns[#patterns + 1] = '^' .. string.gsub(string.gsub(ARGV[i], '[%^%$%(%)%%%.%[%]%+%-%?]', '%%%0'), '%*', '.*')
    .. '$'
end
local function finish(landId, status)
  local key = prefix .. 'backfill:' .. landId
  if redis.call('HGET', key, 'status') == 'open' then
    redis.call('HSET', key, 'status', status, 'updatedAt', now)
    redis.call('EXPIRE', key, ARGV[4])
  end
  redis.call('ZREM', KEYS[1], landId)
end

local expired = 0
if ARGV[6] == '1' then
  for _, landId in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now)) do
    if redis.call('HGET', prefix .. 'backfill:' .. landId, 'status') == 'open' then
      expired = expired + 1
    end
    finish(landId, 'expired')
  end
end

-- the assignment its match gave the land's first ticket still assigned: a backfill reports the same region and
-- matchAttributes, and the rules keep them
local function landAssignment(ticketsJson)
  for _, ticketId in ipairs(cjson.decode(ticketsJson or '[]')) do
    local assignment = redis.call('HGET', prefix .. 'ticket:' .. ticketId, 'assignment')
    if assignment then
      return assignment
    end
  end
  return ''
end

-- the same per-ticket read as windows.lua's details (scripts cannot share code)
local function details(queueKey, window)
  local ruled = false
  for _, pattern in ipairs(patterns) do
    ruled = ruled or string.find(queueKey, pattern) ~= nil
  end
  local tickets = {}
  for i = 1, ruled and #window or 0, 2 do
    local t = redis.call('HMGET', prefix .. 'ticket:' .. string.match(window[i], '^(.*):%d+$'), 'members', 'region',
      'players')
    tickets[#tickets + 1] = t[1] or '[]'
    tickets[#tickets + 1] = t[2] or ''
    tickets[#tickets + 1] = t[3] or ''
  end
  return tickets
end

local requests, queues = {}, {}
for _, landId in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. now, '+inf', 'LIMIT', 0, tonumber(ARGV[5]))) do
  local land = redis.call('HMGET', prefix .. 'land:' .. landId, 'status', 'queueKey', 'serverId', 'connectUrl',
    'matchId', 'tickets')
  local b = redis.call('HMGET', prefix .. 'backfill:' .. landId, 'status', 'backfillId', 'openSlots', 'createdAt',
    'players')
  if land[1] ~= 'active' or redis.call('EXISTS', prefix .. 'server:' .. land[3]) == 0 then
    finish(landId, 'cancelled')
  elseif b[1] ~= 'open' then
    redis.call('ZREM', KEYS[1], landId)
  elseif redis.call('SISMEMBER', KEYS[2], land[2]) == 1 then
    local region = redis.call('HGET', prefix .. 'server:' .. land[3], 'region') or ''
    for _, field in ipairs({landId, b[2], land[2], b[3], b[4], b[5] or '', land[3], land[4], land[5], region,
        landAssignment(land[6])}) do
      requests[#requests + 1] = field
    end
    queues[land[2]] = true
  end
end

local windows = {}
for queueKey in pairs(queues) do
  windows[#windows + 1] = queueKey
  local window = redis.call('ZRANGE', prefix .. 'queue:' .. queueKey, 0, last, 'WITHSCORES')
  windows[#windows + 1] = window
  windows[#windows + 1] = details(queueKey, window)
end
return {expired, requests, windows}
