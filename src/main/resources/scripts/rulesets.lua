-- Read every rule set with its version in one consistent step.
-- KEYS[1] rule sets hash  KEYS[2] versions hash
-- Returns a flat list: name, set JSON, version, name, set JSON, version...
local result = {}
local sets = redis.call('HGETALL', KEYS[1])
for i = 1, #sets, 2 do
  result[#result + 1] = sets[i]
  result[#result + 1] = sets[i + 1]
  result[#result + 1] = redis.call('HGET', KEYS[2], sets[i]) or '0'
end
return result
