-- Release the tick lock only if the caller still holds it (compare-and-delete), e.g. on shutdown.
-- KEYS[1] lock key  ARGV[1] fencing token held
-- Returns 1 when released, 0 otherwise.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
