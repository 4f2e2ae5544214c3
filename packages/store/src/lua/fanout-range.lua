-- Delivers one page of a fan-out range in one round trip: reads the next followers of the author
-- inside Redis, inserts the tweet's entry into their timelines, records a marker and counts down.
-- Nothing is shipped to the client and back: this is the fast path (see bench/fanout.ts).
-- KEYS[1] followers:<author>  KEYS[2] marker of this page  KEYS[3] pending-chunks counter
-- ARGV[1] timeline entry ('<ms>:<id>'), ARGV[2] cap, ARGV[3] cursor (exclusive score), ARGV[4] range end
-- (inclusive score or '+inf'), ARGV[5] page size, ARGV[6] marker ttl s, ARGV[7] timeline key prefix,
-- ARGV[8] extra timeline owner to include (the author on a range's first page) or '', ARGV[9] deleted:<tweet>
-- Returns { code, next cursor or 'end', pushed } with code 0 = applied before, 1 = applied,
-- 2 = applied and it completed the fan-out.
-- Timeline keys are built here rather than passed in KEYS: fine on one Redis node; a cluster
-- deployment would group followers by hash slot first (docs/architecture.md).
--- @include "timeline-entry"
local done = redis.call('GET', KEYS[2])
if done then return { 0, done, 0 } end
-- social (issue 18): ARGV[9] deleted:<tweet>; a tweet deleted before this page is pushed nowhere
-- (the delete's walk may have passed these followers already): the page ends the range unannounced.
if ARGV[9] and redis.call('EXISTS', ARGV[9]) == 1 then
  redis.call('SET', KEYS[2], 'end', 'EX', ARGV[6])
  return { 1, 'end', 0 }
end
local limit = tonumber(ARGV[5])
local rows = redis.call('ZRANGE', KEYS[1], '(' .. ARGV[3], ARGV[4], 'BYSCORE', 'LIMIT', 0, limit, 'WITHSCORES')
local entry, cap, prefix = ARGV[1], tonumber(ARGV[2]), ARGV[7]
local pushed = 0
local function push(user) pushed = pushed + insertEntry(prefix .. user, entry, cap) end
if ARGV[8] ~= '' then push(ARGV[8]) end
for i = 1, #rows, 2 do push(rows[i]) end
local n = #rows / 2
local nextCursor = 'end'
if n == limit then nextCursor = rows[#rows] end
redis.call('SET', KEYS[2], nextCursor, 'EX', ARGV[6])
if nextCursor == 'end' then
  if redis.call('DECR', KEYS[3]) <= 0 then
    redis.call('DEL', KEYS[3])
    return { 2, nextCursor, pushed }
  end
end
return { 1, nextCursor, pushed }
