-- One page of a home timeline plus the recent tweets of followed authors who are not fanned out
-- (pulled at read time), in one round trip. Both sides are read strictly older than one cursor,
-- a point in timeline order (time, then id), so a page never repeats and never stops early when
-- the entry the cursor came from has left the list (unfollow, trim).
-- KEYS[1] timeline:<user>  KEYS[2] following:<user>  KEYS[3] pulled-authors
-- ARGV[1] cursor entry ('<ms>:<id>', '' = top), ARGV[2] page size, ARGV[3] key prefix of
-- authors' tweet lists ("<prefix>tweets:"), ARGV[4] most pulled authors merged
-- Returns { timeline entries, pulled entries, 1 when a pulled author has more }
--- @include "timeline-entry"
local limit = tonumber(ARGV[2])
local cursor = ARGV[1]
local start = 0
if cursor ~= '' then
  -- Binary search for the first entry older than the cursor: the list is sorted, at most cap long.
  local lo, hi = 0, redis.call('LLEN', KEYS[1])
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if entryNewer(cursor, redis.call('LINDEX', KEYS[1], mid)) then hi = mid else lo = mid + 1 end
  end
  start = lo
end
local ids = redis.call('LRANGE', KEYS[1], start, start + limit - 1)

local pulled = {}
local more = 0
if redis.call('EXISTS', KEYS[3]) == 1 then
  local authors = redis.call('ZINTER', 2, KEYS[2], KEYS[3])
  local max = cursor == '' and '+inf' or tostring(entryMs(cursor))
  -- Equal times are filtered by id below: read a few extra so ties cannot shorten the page.
  local slack = cursor == '' and 0 or 16
  for i = 1, math.min(#authors, tonumber(ARGV[4])) do
    local rows = redis.call('ZRANGE', ARGV[3] .. authors[i], max, '-inf', 'BYSCORE', 'REV', 'LIMIT', 0, limit + slack, 'WITHSCORES')
    local taken = 0
    for j = 1, #rows, 2 do
      local e = timelineEntry(rows[j + 1], rows[j])
      if taken < limit and (cursor == '' or entryNewer(cursor, e)) then
        pulled[#pulled + 1] = e
        taken = taken + 1
      end
    end
    if taken == limit then more = 1 end
  end
end
return { ids, pulled, more }
