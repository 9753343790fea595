-- Delete one rule set and announce the change, atomically.
-- KEYS[1] rule sets hash  KEYS[2] versions hash  KEYS[3] version counter
-- ARGV[1] name  ARGV[2] change channel
-- Returns 1 when it existed (the counter grows: a deletion is a change too), else 0 and nothing changes.
if redis.call('HDEL', KEYS[1], ARGV[1]) == 0 then
  return 0
end
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('INCR', KEYS[3])
redis.call('PUBLISH', ARGV[2], ARGV[1])
return 1
