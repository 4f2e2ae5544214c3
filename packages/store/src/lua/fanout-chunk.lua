-- Pushes one tweet id onto a chunk of timelines, atomically and at most once.
-- KEYS[1]   marker for this chunk (SET NX: a redelivered chunk finds it and does nothing)
-- KEYS[2]   pending-chunks counter of the tweet's fan-out (DECR when applied)
-- KEYS[3..] timeline lists
-- ARGV[1] tweet id, ARGV[2] timeline cap, ARGV[3] marker value (cursor after this chunk),
-- ARGV[4] marker ttl seconds, ARGV[5] '1' when this chunk finishes its range (counts as done)
-- Returns 0 when applied before, 1 when applied now, 2 when applied now and it was the last chunk.
if not redis.call('SET', KEYS[1], ARGV[3], 'NX', 'EX', ARGV[4]) then
  return 0
end
local id = ARGV[1]
local cap = tonumber(ARGV[2])
for i = 3, #KEYS do
  -- LTRIM only when over the cap: most timelines are shorter, and this halves the work.
  if redis.call('LPUSH', KEYS[i], id) > cap then
    redis.call('LTRIM', KEYS[i], 0, cap - 1)
  end
end
if ARGV[5] == '1' then
  if redis.call('DECR', KEYS[2]) <= 0 then
    redis.call('DEL', KEYS[2])
    return 2
  end
end
return 1
