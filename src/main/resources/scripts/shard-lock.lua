-- Acquire or renew one shard's lock; every acquisition gets a new, larger fencing token of that shard.
-- KEYS[1] the shard's lock  KEYS[2] the shard's fence counter  KEYS[3] shard holders hash
-- ARGV[1] fencing token this instance holds ('0' = none)  ARGV[2] lease (ms)  ARGV[3] shard number
-- ARGV[4] node id of the caller  ARGV[5] now (epoch ms)
-- Returns the fencing token now held by the caller, or 0 when another instance holds the lock.
-- Claim, commit and backfill-fill compare the lock's value with the caller's token, so an instance that lost the
-- shard (GC pause, network stall) cannot change anything after another one took over. An acquisition also records
-- '<fence>:<since>:<nodeId>' under the shard in the holders hash, in the same step, for the admin view; the record
-- names the holder only while the lock still carries that fence.
local current = redis.call('GET', KEYS[1])
if current then
  if current == ARGV[1] then
    redis.call('PEXPIRE', KEYS[1], ARGV[2])
    return tonumber(current)
  end
  return 0
end
local fence = redis.call('INCR', KEYS[2])
redis.call('SET', KEYS[1], fence, 'PX', ARGV[2])
redis.call('HSET', KEYS[3], ARGV[3], fence .. ':' .. ARGV[5] .. ':' .. ARGV[4])
return fence
