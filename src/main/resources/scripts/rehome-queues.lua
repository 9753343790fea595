-- Move queues from the set of active queues of before sharding to the set of their shard.
-- KEYS[1] the pre-shard active-queues set
-- ARGV pairs of queueKey, the active-queues set of its shard
-- Returns the number of queues moved.
-- Only a queue still in the old set moves (a concurrent re-add or claim decides its own membership), so the
-- queue is in its shard's set before it leaves the old one, in one step: no tick can miss it in between.
local moved = 0
for i = 1, #ARGV, 2 do
  if redis.call('SREM', KEYS[1], ARGV[i]) == 1 then
    redis.call('SADD', ARGV[i + 1], ARGV[i])
    moved = moved + 1
  end
end
return moved
