-- Read what a tick may match, in one call: the active queues whose landType (the queue key before its first ':')
-- has a live server, and the oldest tickets of each. Queues without a live server are not read at all.
-- KEYS[1] active-queues set of the shard being ticked
-- ARGV[1] key prefix  ARGV[2] live since (epoch ms: a heartbeat at or after it is live)  ARGV[3] window size
-- ARGV[4] now (epoch ms; optional, with ARGV[5..])  ARGV[5..] queue-key patterns of the rule sets ('*' = any run)
-- Returns a flat list: per queue, queueKey, then its window as {member, score, member, score, ...} oldest first,
-- then a third entry: {} for a queue no pattern matches; for one under a rule set,
-- {servers, tickets}: servers = {region ('' = none), free lands (-1 = no capacity set), ...} of the live servers
-- of its landType; tickets = {members JSON, region, players JSON, ...} per window entry, in window order.
-- Keys are built from the prefix like RedisKeys.queue, RedisKeys.serversOfLandType, RedisKeys.server,
-- RedisKeys.lands and RedisKeys.ticket (docs/architecture.md).
-- Deletes the wake-pending key of every queue it reads: an enqueue after this read wakes the matching again, one
-- before it is in this window (enqueue.lua).
local prefix, liveSince, last = ARGV[1], ARGV[2], tonumber(ARGV[3]) - 1
local now = ARGV[4]
local patterns = {}
for i = 5, #ARGV do
  -- glob to an anchored Lua pattern: escape the magic characters, then '*' matches any run
  patterns[#patterns + 1] = '^' .. string.gsub(string.gsub(ARGV[i], '[%^%$%(%)%%%.%[%]%+%-%?]', '%%%0'), '%*', '.*')
    .. '$'
end

local function ruled(queueKey)
  for _, pattern in ipairs(patterns) do
    if string.find(queueKey, pattern) then
      return true
    end
  end
  return false
end

local capacities = {}
local function capacity(landType)
  if capacities[landType] == nil then
    local servers = {}
    for _, serverId in ipairs(redis.call('ZRANGEBYSCORE', prefix .. 'servers:land:' .. landType, liveSince, '+inf')) do
      local f = redis.call('HMGET', prefix .. 'server:' .. serverId, 'landType', 'region', 'capacity')
      if f[1] == landType then
        local free = -1
        if f[3] then
          free = math.max(0, tonumber(f[3]) - redis.call('ZCOUNT', prefix .. 'lands:' .. serverId, '(' .. now, '+inf'))
        end
        servers[#servers + 1] = f[2] or ''
        servers[#servers + 1] = free
      end
    end
    capacities[landType] = servers
  end
  return capacities[landType]
end

local function details(window)
  local tickets = {}
  for i = 1, #window, 2 do
    local ticketId = string.match(window[i], '^(.*):%d+$')
    local t = redis.call('HMGET', prefix .. 'ticket:' .. ticketId, 'members', 'region', 'players')
    tickets[#tickets + 1] = t[1] or '[]'
    tickets[#tickets + 1] = t[2] or ''
    tickets[#tickets + 1] = t[3] or ''
  end
  return tickets
end

local served = {}
local result = {}
for _, queueKey in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local colon = string.find(queueKey, ':', 1, true)
  local landType = colon and string.sub(queueKey, 1, colon - 1) or queueKey
  if served[landType] == nil then
    served[landType] = redis.call('ZCOUNT', prefix .. 'servers:land:' .. landType, liveSince, '+inf') > 0
  end
  if served[landType] then
    local window = redis.call('ZRANGE', prefix .. 'queue:' .. queueKey, 0, last, 'WITHSCORES')
    result[#result + 1] = queueKey
    redis.call('DEL', prefix .. 'wake:' .. queueKey)
    result[#result + 1] = window
    if ruled(queueKey) then
      result[#result + 1] = {capacity(landType), details(window)}
    else
      result[#result + 1] = {}
    end
  end
end
return result
