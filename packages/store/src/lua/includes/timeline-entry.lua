-- Timeline entries are '<createdAt ms, 13 digits>:<tweet id>', kept newest first: by time, then by
-- id (bytes, as a ZSET orders equal scores). A sorted list lets a page cursor be a position in
-- time that stays valid when entries leave, and makes a second copy of an id findable where it
-- would go, so no id is ever inserted twice.
local byte, sub = string.byte, string.sub

local function entryMs(e)
  if byte(e, 14) ~= 58 then return 0 end -- not '<ms>:<id>': an entry from before (sorts oldest)
  return tonumber(sub(e, 1, 13)) or 0
end

local function entryId(e)
  if byte(e, 14) ~= 58 then return e end
  return sub(e, 15)
end

local function timelineEntry(ms, id)
  local s = tostring(ms)
  return string.rep('0', 13 - #s) .. s .. ':' .. id
end

-- Byte order, whatever the server's collation locale (Lua's < on strings uses strcoll).
local function bytesGreater(a, b)
  local n = math.min(#a, #b)
  for i = 1, n do
    local x, y = byte(a, i), byte(b, i)
    if x ~= y then return x > y end
  end
  return #a > #b
end

-- True when entry a sorts before (is newer than) entry b.
local function entryNewer(a, b)
  local ma, mb = entryMs(a), entryMs(b)
  if ma ~= mb then return ma > mb end
  return bytesGreater(entryId(a), entryId(b))
end

-- entryNewer(entry, other) for one entry compared with many (an insert reads several, a fan-out
-- page inserts one entry into hundreds of timelines): the entry is parsed once, not per comparison
-- (parsing is most of a comparison's cost in Lua).
local parsedEntry, parsedMs, parsedId
local function newerThan(entry, other)
  if entry ~= parsedEntry then parsedEntry, parsedMs, parsedId = entry, entryMs(entry), entryId(entry) end
  local mo = entryMs(other)
  if parsedMs ~= mo then return parsedMs > mo end
  return bytesGreater(parsedId, entryId(other))
end

-- Bulk trim: a timeline may grow past its cap by this many entries before it is cut back to the
-- cap in one LTRIM, so a full timeline pays the trim once per that many pushes, not on every push.
-- Readers never show more than the cap (home-page.lua reads the first cap entries only).
local function trimSlack(cap)
  return math.min(100, math.ceil(cap / 8))
end

local function pushedTo(key, length, cap)
  if length > cap + trimSlack(cap) then redis.call('LTRIM', key, 0, cap - 1) end
end

-- The deepest index the insert's gallop probes before it binary-searches the rest.
local GALLOP_DEPTH = 16

-- Inserts an entry at its place, at most once (the first cap entries are the timeline).
-- Returns 1 when inserted, 0 when already there or older than a full timeline's last entry.
-- The common case (a fresh tweet) is LINDEX 0 + LPUSH. A late tweet (the fan-out behind, a chunk
-- redelivered) finds its place by galloping down from the head (indexes 1, 2, 4, 8, 16) and then a
-- binary search between the last two probes, or over the rest of the first cap entries when it is
-- deeper than 16. Most late tweets sit a few entries below the head (a lagging fan-out reads its
-- partitions at different offsets, so a busy timeline gets a few seconds' tweets out of order):
-- those take O(log depth) reads, often one or two. A deep one (a fan-out minutes behind) takes at
-- most 5 reads more than a binary search over the list, where an unbounded gallop would take
-- about twice a binary search's. A walk down the list cost a full timeline's length per push, so a lagging fan-out
-- got slower the further it lagged (found by `npm run chaos`; packages/store/test/late-insert.test.ts).
-- The list is sorted newest first with no repeats (every writer inserts through here or merges),
-- so a copy of the entry can only sit just above its place: every entry read is compared with it,
-- and the one just above its place is always read.
local function insertEntry(key, entry, cap)
  local head = redis.call('LINDEX', key, 0)
  if not head or newerThan(entry, head) then
    pushedTo(key, redis.call('LPUSH', key, entry), cap)
    return 1
  end
  if head == entry then return 0 end
  -- Every index below lo holds a newer entry. hi is the first index known to hold an older entry
  -- (below, that entry) or to be past the list's end (below = false), else cap (not read).
  local lo, hi, below = 1, cap, nil
  local probe = 1
  while probe < cap and probe <= GALLOP_DEPTH do
    local e = redis.call('LINDEX', key, probe)
    if e == entry then return 0 end
    if not e or newerThan(entry, e) then
      hi, below = probe, e
      break
    end
    lo, probe = probe + 1, probe * 2
  end
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    local e = redis.call('LINDEX', key, mid)
    if e == entry then return 0 end
    if not e or newerThan(entry, e) then hi, below = mid, e else lo = mid + 1 end
  end
  if lo >= cap then return 0 end -- older than a full timeline's last entry
  if not below then -- the list ends at lo (fewer than cap entries): append
    redis.call('RPUSH', key, entry)
    return 1
  end
  -- No repeats in the list, so LINSERT's pivot (its first match from the head) is the entry at lo.
  pushedTo(key, redis.call('LINSERT', key, 'BEFORE', below, entry), cap)
  return 1
end

-- The list at `key` becomes `entries` (1,000 per RPUSH: unpack's stack stays small).
local function replaceList(key, entries)
  redis.call('DEL', key)
  for k = 1, #entries, 1000 do
    redis.call('RPUSH', key, unpack(entries, k, math.min(k + 999, #entries)))
  end
end

-- Merges `fresh` (entries newest first, no repeats) into the timeline at `key`: one pass over its
-- first cap entries, an entry in both kept once, the result cut at the cap. Returns its length.
local function mergeEntries(key, fresh, cap)
  local current = redis.call('LRANGE', key, 0, cap - 1)
  local merged, i, j = {}, 1, 1
  while #merged < cap and (i <= #current or j <= #fresh) do
    local a, b = current[i], fresh[j]
    if b == nil then
      merged[#merged + 1] = a; i = i + 1
    elseif a == nil then
      merged[#merged + 1] = b; j = j + 1
    elseif a == b then
      merged[#merged + 1] = a; i = i + 1; j = j + 1
    elseif entryNewer(a, b) then
      merged[#merged + 1] = a; i = i + 1
    else
      merged[#merged + 1] = b; j = j + 1
    end
  end
  replaceList(key, merged)
  return #merged
end
