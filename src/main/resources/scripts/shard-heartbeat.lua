-- Announce a ticking instance and count the live ones, in one step.
-- KEYS[1] ticking nodes zset (node id -> last heartbeat, epoch ms)
-- ARGV[1] node id  ARGV[2] now (epoch ms)  ARGV[3] live window (ms: the lock TTL)  ARGV[4] forget after (ms)
-- Returns the number of instances whose last heartbeat is within the live window, this one included.
-- An instance that stopped cleanly removed itself; a dead one stops counting after the live window, by when its
-- shard locks have lapsed too, and its entry is dropped after the (longer) forget window.
local now = tonumber(ARGV[2])
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[4]))
return redis.call('ZCOUNT', KEYS[1], now - tonumber(ARGV[3]), '+inf')
