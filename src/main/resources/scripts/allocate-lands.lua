-- Reserve one land per request on the best live game server of the request's landType.
-- KEYS[i] servers-of-landType zset of request i (serverId scored by last heartbeat)
-- ARGV[1] key prefix  ARGV[2] now (epoch ms)  ARGV[3] cutoff (epoch ms; a heartbeat before it is dead)
-- ARGV[4 + 5(i-1) .. 8 + 5(i-1)] request i: landType, region ('' = none), landId, lease until (epoch ms),
-- region required ('1': only a server of that region will do, as a rule set's latency rule decided; else '0')
-- Returns one array per request: {serverId, host, port, connectHost, connectPort, connectScheme, region}
-- ('' = unset), or an empty array when no live server of that landType (and required region) has room.
-- Best = same region as the request, then fewest lands, then smallest serverId (deterministic). Load counts the
-- lands whose lease has not passed, plus those reserved earlier in this same call.

local prefix, now, cutoff = ARGV[1], ARGV[2], ARGV[3]
local candidates, servers, loads = {}, {}, {}

local function live(indexKey)
  if not candidates[indexKey] then
    candidates[indexKey] = redis.call('ZRANGEBYSCORE', indexKey, cutoff, '+inf')
  end
  return candidates[indexKey]
end

local function server(serverId)
  if servers[serverId] == nil then
    local f = redis.call('HMGET', prefix .. 'server:' .. serverId, 'landType', 'region', 'capacity',
      'host', 'port', 'connectHost', 'connectPort', 'connectScheme')
    if f[1] then
      servers[serverId] = { landType = f[1], region = f[2] or '', capacity = f[3] and tonumber(f[3]),
        reply = { serverId, f[4], f[5], f[6] or '', f[7] or '', f[8] or '', f[2] or '' } }
    else
      servers[serverId] = false -- indexed but its hash is gone: never chosen, the sweep cleans up
    end
  end
  return servers[serverId]
end

local function load(serverId)
  if loads[serverId] == nil then
    local lands = prefix .. 'lands:' .. serverId
    redis.call('ZREMRANGEBYSCORE', lands, '-inf', now)
    loads[serverId] = redis.call('ZCARD', lands)
  end
  return loads[serverId]
end

local function better(a, b)
  if a.regional ~= b.regional then
    return a.regional
  end
  if a.load ~= b.load then
    return a.load < b.load
  end
  return a.id < b.id
end

local function choose(indexKey, landType, region, required)
  local best = nil
  for _, serverId in ipairs(live(indexKey)) do
    local s = server(serverId)
    if s and s.landType == landType and (not required or s.region == region) then
      local candidate = { id = serverId, load = load(serverId), regional = region ~= '' and s.region == region }
      if (not s.capacity or candidate.load < s.capacity) and (not best or better(candidate, best)) then
        best = candidate
      end
    end
  end
  return best
end

local result = {}
for i = 1, #KEYS do
  local base = 4 + 5 * (i - 1)
  local landType, region, landId, leaseUntil = ARGV[base], ARGV[base + 1], ARGV[base + 2], ARGV[base + 3]
  local best = choose(KEYS[i], landType, region, ARGV[base + 4] == '1')
  if best then
    redis.call('ZADD', prefix .. 'lands:' .. best.id, leaseUntil, landId)
    loads[best.id] = best.load + 1
    result[i] = servers[best.id].reply
  else
    result[i] = {}
  end
end
return result
