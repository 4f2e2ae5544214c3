-- Inserts a tweet's entry into the timelines of listed users, atomically and at most once.
-- KEYS[1]   marker of this delivery (SET NX: a redelivery finds it and does nothing)
-- KEYS[2]   pending-chunks counter of the tweet's fan-out (DECR when applied)
-- KEYS[3..] timeline lists
-- ARGV[1] timeline entry ('<ms>:<id>'), ARGV[2] timeline cap, ARGV[3] marker value,
-- ARGV[4] marker ttl seconds, ARGV[5] '1' when this delivery finishes its range (counts as done),
-- ARGV[6] deleted:<tweet>
-- Returns 0 when applied before, 1 when applied now, 2 when applied now and it was the last chunk.
--- @include "timeline-entry"
-- social (issue 18): ARGV[6] deleted:<tweet>; a deleted tweet is delivered nowhere (as if done before).
if ARGV[6] and redis.call('EXISTS', ARGV[6]) == 1 then return 0 end
if not redis.call('SET', KEYS[1], ARGV[3], 'NX', 'EX', ARGV[4]) then
  return 0
end
local cap = tonumber(ARGV[2])
for i = 3, #KEYS do insertEntry(KEYS[i], ARGV[1], cap) end
if ARGV[5] == '1' then
  if redis.call('DECR', KEYS[2]) <= 0 then
    redis.call('DEL', KEYS[2])
    return 2
  end
end
return 1
