-- Acquire or renew the tick lock; every acquisition gets a new, larger fencing token.
-- KEYS[1] lock key  KEYS[2] fence counter
-- ARGV[1] fencing token this instance holds ('0' = none)  ARGV[2] lease (ms)
-- Returns the fencing token now held by the caller, or 0 when another instance holds the lock.
-- Claim and commit scripts compare the lock's value with the caller's token, so an instance that lost the lock
-- (GC pause, network stall) cannot change anything after another one took over.
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
return fence
