-- Pushes one tweet id onto a chunk of timelines, atomically and at most once.
-- KEYS[1]   marker for this chunk (SET NX: a redelivered chunk finds it and does nothing)
-- KEYS[2..] timeline lists
-- ARGV[1] tweet id, ARGV[2] timeline cap, ARGV[3] marker value (cursor after this chunk),
-- ARGV[4] marker ttl seconds
-- Returns 1 when applied now, 0 when it had been applied before.
if not redis.call('SET', KEYS[1], ARGV[3], 'NX', 'EX', ARGV[4]) then
  return 0
end
local id = ARGV[1]
local last = tonumber(ARGV[2]) - 1
for i = 2, #KEYS do
  redis.call('LPUSH', KEYS[i], id)
  redis.call('LTRIM', KEYS[i], 0, last)
end
return 1
