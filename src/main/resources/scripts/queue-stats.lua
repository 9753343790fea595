-- Read one queue's statistics in one call: its depth, its oldest ticket, and the per-second buckets the commits
-- wrote (commit.lua, backfill-fill.lua) over the last 300 seconds.
-- KEYS[1] queue zset
-- ARGV[1] stats key of the queue without its second (P stats:<queueKey>:)  ARGV[2] now (epoch seconds)
-- ARGV[3] seconds in the time-to-match window (300)  ARGV[4] seconds in the matches window (60)
-- Returns {waiting, oldest enqueue time (epoch ms, '' when empty), matches in the last ARGV[4] s,
-- tickets matched in the last ARGV[4] s, histogram, the earliest second of those ARGV[4] s with a match (0: none)}: histogram a flat list of bucket index, count, merged over the
-- last ARGV[3] s (bucket bounds in commit.lua and QueueStatistics).
-- At most 300 small hashes are read, whatever the traffic: the cost of a read is bounded, not per ticket.
local waiting = redis.call('ZCARD', KEYS[1])
local oldest = ''
if waiting > 0 then
  oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')[2]
end
local now, window, recent = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local matches, tickets, merged, firstRecent = 0, 0, {}, 0
for second = now - window + 1, now do
  local fields = redis.call('HGETALL', ARGV[1] .. second)
  for f = 1, #fields, 2 do
    local name, count = fields[f], tonumber(fields[f + 1])
    if name == 'm' then
      if second > now - recent then
        matches = matches + count
        if firstRecent == 0 then
          firstRecent = second
        end
      end
    elseif name == 't' then
      if second > now - recent then
        tickets = tickets + count
      end
    else
      local bucket = tonumber(string.sub(name, 2))
      merged[bucket] = (merged[bucket] or 0) + count
    end
  end
end
local histogram = {}
for bucket, count in pairs(merged) do
  histogram[#histogram + 1] = bucket
  histogram[#histogram + 1] = count
end
return {waiting, oldest, matches, tickets, histogram, firstRecent}
