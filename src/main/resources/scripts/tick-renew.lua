-- Renew the tick lock for its holder before a commit, after the slow signing step.
-- KEYS[1] lock key  ARGV[1] fencing token held  ARGV[2] lease (ms)
-- Returns 1 when the caller holds the lock (renewed, or re-taken with the same token because it lapsed and nobody
-- took it), 0 when another instance holds it now.
-- Re-taking a lapsed lock is safe: the commit script also requires every ticket to be still claimed by this tick's
-- claim, so whatever another holder did meanwhile (sweeping these claims back after their lease) wins.
local current = redis.call('GET', KEYS[1])
if current and current ~= ARGV[1] then
  return 0
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
