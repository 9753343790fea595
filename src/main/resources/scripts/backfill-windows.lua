-- Read what the tick may backfill, in one call: the open backfill requests and the oldest tickets of their queues.
-- Requests past their expiry (not renewed) become 'expired' first; a request whose land is no longer active, or
-- whose server is gone (deregistered or swept), becomes 'cancelled'.
-- KEYS[1] open-backfills zset
-- ARGV[1] key prefix  ARGV[2] now (epoch ms)  ARGV[3] window size  ARGV[4] ended retention (seconds)
-- ARGV[5] most requests read
-- Returns {expiredCount, requests, windows}: requests a flat list of 9 fields per open request (landId, backfillId,
-- queueKey, openSlots JSON, createdAt, players JSON, serverId, connectUrl, matchId), windows a flat list of queueKey, then its window
-- {member, score, ...} oldest first.
local prefix, now, last = ARGV[1], ARGV[2], tonumber(ARGV[3]) - 1
local function finish(landId, status)
  local key = prefix .. 'backfill:' .. landId
  if redis.call('HGET', key, 'status') == 'open' then
    redis.call('HSET', key, 'status', status, 'updatedAt', now)
    redis.call('EXPIRE', key, ARGV[4])
  end
  redis.call('ZREM', KEYS[1], landId)
end

local expired = 0
for _, landId in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now)) do
  if redis.call('HGET', prefix .. 'backfill:' .. landId, 'status') == 'open' then
    expired = expired + 1
  end
  finish(landId, 'expired')
end

local requests, queues = {}, {}
for _, landId in ipairs(redis.call('ZRANGE', KEYS[1], 0, tonumber(ARGV[5]) - 1)) do
  local land = redis.call('HMGET', prefix .. 'land:' .. landId, 'status', 'queueKey', 'serverId', 'connectUrl',
    'matchId')
  local b = redis.call('HMGET', prefix .. 'backfill:' .. landId, 'status', 'backfillId', 'openSlots', 'createdAt',
    'players')
  if land[1] ~= 'active' or redis.call('EXISTS', prefix .. 'server:' .. land[3]) == 0 then
    finish(landId, 'cancelled')
  elseif b[1] ~= 'open' then
    redis.call('ZREM', KEYS[1], landId)
  else
    for _, field in ipairs({landId, b[2], land[2], b[3], b[4], b[5] or '', land[3], land[4], land[5]}) do
      requests[#requests + 1] = field
    end
    queues[land[2]] = true
  end
end

local windows = {}
for queueKey in pairs(queues) do
  windows[#windows + 1] = queueKey
  windows[#windows + 1] = redis.call('ZRANGE', prefix .. 'queue:' .. queueKey, 0, last, 'WITHSCORES')
end
return {expired, requests, windows}
