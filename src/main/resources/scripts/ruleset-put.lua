-- Create or replace one rule set and announce the change, atomically.
-- KEYS[1] rule sets hash (name -> set JSON)  KEYS[2] versions hash (name -> version)  KEYS[3] version counter
-- ARGV[1] name  ARGV[2] set JSON  ARGV[3] '1': leave an identical stored set (and its version) as it is
-- ARGV[4] change channel
-- Returns the set's version: a new one from the counter (which only grows), or the old one when unchanged.
if ARGV[3] == '1' and redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then
  local version = redis.call('HGET', KEYS[2], ARGV[1])
  if version then
    return tonumber(version)
  end
end
local version = redis.call('INCR', KEYS[3])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('HSET', KEYS[2], ARGV[1], version)
redis.call('PUBLISH', ARGV[4], ARGV[1])
return version
