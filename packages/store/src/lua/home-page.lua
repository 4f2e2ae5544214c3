-- One page of a home timeline plus the recent tweets of followed authors who are not fanned out
-- (pulled at read time), in one round trip. Both sides are read strictly older than one cursor,
-- a point in timeline order (time, then id), so a page never repeats and never stops early when
-- the entry the cursor came from has left the list (unfollow, trim).
-- A read is activity (lua/includes/activity.lua): a reader back after the activity window, or one
-- with a rebuild marker (back by signing in or posting), first gets the timeline rebuilt from the
-- authors they follow — at most ARGV[9] of them (the most recently followed), ARGV[10] recent tweets
-- each, merged by time into what the timeline holds, cut at the cap — in this same script, so no
-- push can interleave with it (an entry pushed before or after is found and kept once).
-- KEYS[1] timeline:<user>  KEYS[2] following:<user>  KEYS[3] pulled-authors  KEYS[4] active-users
-- KEYS[5] timeline-rebuild:<user>  KEYS[6] reply-parents (tweet id -> the author it replies to)
-- ARGV[1] cursor entry ('<ms>:<id>', '' = top), ARGV[2] page size, ARGV[3] key prefix of
-- authors' tweet lists ("<prefix>tweets:"), ARGV[4] most pulled authors merged, ARGV[5] user,
-- ARGV[6] now ms, ARGV[7] activity window ms (0 = off: no record, no rebuild), ARGV[8] least ms
-- between two activity writes, ARGV[9] authors read by a rebuild, ARGV[10] tweets per author,
-- ARGV[11] cap
-- Twitter's reply rule holds on both paths that read authors' lists instead of pushed entries (the
-- rebuild and the pulled merge): a reply is the reader's only when they are the author replied to
-- or follow them (KEYS[6], written by save-tweet.lua), as the fan-out's reply walk decides.
-- Returns { timeline entries, pulled entries, 1 when a pulled author has more, 1 when rebuilt now,
-- pulled entries the reply rule hides: read and passed over like a missing body, so paging goes on }
--- @include "timeline-entry"
--- @include "activity"
local limit = tonumber(ARGV[2])
local cap = tonumber(ARGV[11])
local cursor = ARGV[1]

-- Per id: false when it is a reply the reader may not see (Twitter's rule). One HMGET per 500
-- ids, a ZSCORE per distinct author replied to.
local function visible(ids)
  local ok, follows = {}, {}
  for from = 1, #ids, 500 do
    local parents = redis.call('HMGET', KEYS[6], unpack(ids, from, math.min(from + 499, #ids)))
    for i, parent in ipairs(parents) do
      local v = true
      if parent and parent ~= ARGV[5] then
        if follows[parent] == nil then follows[parent] = redis.call('ZSCORE', KEYS[2], parent) ~= false end
        v = follows[parent]
      end
      ok[from + i - 1] = v
    end
  end
  return ok
end

local rebuilt = 0
local window = tonumber(ARGV[7])
if window > 0 then
  local back = recordActivity(KEYS[4], KEYS[5], ARGV[5], tonumber(ARGV[6]), window, tonumber(ARGV[8]))
  if back or redis.call('EXISTS', KEYS[5]) == 1 then
    local authors = redis.call('ZRANGE', KEYS[2], 0, tonumber(ARGV[9]) - 1, 'REV')
    -- Newest first by (time, id): the times are compared as numbers, ids only on a tie (rare).
    local rows, fresh = {}, {}
    for _, author in ipairs(authors) do
      if not redis.call('ZSCORE', KEYS[3], author) then -- pulled authors are merged below anyway
        local got = redis.call('ZRANGE', ARGV[3] .. author, '+inf', '-inf', 'BYSCORE', 'REV', 'LIMIT', 0, tonumber(ARGV[10]), 'WITHSCORES')
        for i = 1, #got, 2 do rows[#rows + 1] = { tonumber(got[i + 1]), got[i] } end
      end
    end
    local ids = {}
    for i, row in ipairs(rows) do ids[i] = row[2] end
    local ok = visible(ids)
    local kept = {}
    for i, row in ipairs(rows) do
      if ok[i] then kept[#kept + 1] = row end
    end
    rows = kept
    table.sort(rows, function(a, b)
      if a[1] ~= b[1] then return a[1] > b[1] end
      return bytesGreater(a[2], b[2])
    end)
    for i = 1, math.min(#rows, cap) do fresh[i] = timelineEntry(rows[i][1], rows[i][2]) end
    mergeEntries(KEYS[1], fresh, cap)
    redis.call('DEL', KEYS[5])
    rebuilt = 1
  end
end

-- The first cap entries are the timeline (includes/timeline-entry.lua trims in bulk).
local length = math.min(redis.call('LLEN', KEYS[1]), cap)
local start = 0
if cursor ~= '' then
  -- Binary search for the first entry older than the cursor: the list is sorted.
  local lo, hi = 0, length
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if entryNewer(cursor, redis.call('LINDEX', KEYS[1], mid)) then hi = mid else lo = mid + 1 end
  end
  start = lo
end
local ids = {}
if start < length then ids = redis.call('LRANGE', KEYS[1], start, math.min(start + limit, length) - 1) end

local pulled = {}
local hidden = {}
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
  local pulledIds = {}
  for i, e in ipairs(pulled) do pulledIds[i] = entryId(e) end
  local ok = visible(pulledIds)
  for i, e in ipairs(pulled) do
    if not ok[i] then hidden[#hidden + 1] = e end
  end
end
return { ids, pulled, more, rebuilt, hidden }
