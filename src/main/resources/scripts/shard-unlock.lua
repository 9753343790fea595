-- Release one shard's lock only if the caller still holds it (compare-and-delete): on shutdown, or when this
-- instance holds more than its fair share, so another instance takes the shard at once rather than after the TTL.
-- KEYS[1] the shard's lock  ARGV[1] fencing token held
-- Returns 1 when released, 0 otherwise.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
