-- Timeline entries are '<createdAt ms, 13 digits>:<tweet id>', kept newest first: by time, then by
-- id (bytes, as a ZSET orders equal scores). A sorted list lets a page cursor be a position in
-- time that stays valid when entries leave, and makes a second copy of an id findable where it
-- would go, so no id is ever inserted twice.
local function entryMs(e)
  if string.byte(e, 14) ~= 58 then return 0 end -- not '<ms>:<id>': an entry from before (sorts oldest)
  return tonumber(string.sub(e, 1, 13)) or 0
end

local function entryId(e)
  if string.byte(e, 14) ~= 58 then return e end
  return string.sub(e, 15)
end

local function timelineEntry(ms, id)
  local s = tostring(ms)
  return string.rep('0', 13 - #s) .. s .. ':' .. id
end

-- Byte order, whatever the server's collation locale (Lua's < on strings uses strcoll).
local function bytesGreater(a, b)
  local n = math.min(#a, #b)
  for i = 1, n do
    local x, y = string.byte(a, i), string.byte(b, i)
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

-- Inserts an entry at its place, at most once, keeping the list at most cap long.
-- Returns 1 when inserted, 0 when already there or older than a full timeline's last entry.
-- The common case (a fresh tweet) is LINDEX 0 + LPUSH; a late tweet walks down from the head.
local function insertEntry(key, entry, cap)
  local head = redis.call('LINDEX', key, 0)
  if not head or entryNewer(entry, head) then
    if redis.call('LPUSH', key, entry) > cap then redis.call('LTRIM', key, 0, cap - 1) end
    return 1
  end
  if head == entry then return 0 end
  local window, start = 32, 1
  while start < cap do
    local rows = redis.call('LRANGE', key, start, start + window - 1)
    for _, e in ipairs(rows) do
      if e == entry then return 0 end
      if entryNewer(entry, e) then
        if redis.call('LINSERT', key, 'BEFORE', e, entry) > cap then redis.call('LTRIM', key, 0, cap - 1) end
        return 1
      end
    end
    if #rows < window then
      if start + #rows >= cap then return 0 end
      redis.call('RPUSH', key, entry)
      return 1
    end
    start = start + window
  end
  return 0
end
