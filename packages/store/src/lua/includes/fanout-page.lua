-- One page of a fan-out range, shared by fanout-range.lua (one page per call) and fanout-batch.lua
-- (the first page of many tweets per call): reads the next followers of the author inside Redis
-- (scores in (cursor, to], at most limit), inserts the entry into the timelines of those who receive
-- pushes (and into `owner`'s, the author on a range's first page, when not ''), sets the page's
-- marker to the next cursor and, on a range's last page, counts the pending chunks down.
-- Returns code (0 applied before, 1 applied, 2 applied and it completed the fan-out), the next
-- cursor or 'end', and how many timelines got the entry.
-- A tweet deleted before the page (p.tombstone exists, issue 18) is pushed nowhere: the delete's walk
-- may have passed these followers already, so the page ends the range unannounced.
-- Needs the includes timeline-entry and activity.
local function deliverPage(p)
  local done = redis.call('GET', p.marker)
  if done then return 0, done, 0 end
  if p.tombstone ~= '' and redis.call('EXISTS', p.tombstone) == 1 then
    redis.call('SET', p.marker, 'end', 'EX', p.ttl)
    return 1, 'end', 0
  end
  local rows = redis.call('ZRANGE', p.followers, '(' .. p.cursor, p.to, 'BYSCORE', 'LIMIT', 0, p.limit, 'WITHSCORES')
  local pushed = 0
  if p.owner ~= '' then pushed = insertEntry(p.prefix .. p.owner, p.entry, p.cap) end
  local users = {}
  for i = 1, #rows, 2 do users[#users + 1] = rows[i] end
  local receives = receivingPushes(p.active, users, p.cutoff)
  for i = 1, #users do
    if receives[i] then pushed = pushed + insertEntry(p.prefix .. users[i], p.entry, p.cap) end
  end
  local nextCursor = 'end'
  if #rows / 2 == p.limit then nextCursor = rows[#rows] end
  redis.call('SET', p.marker, nextCursor, 'EX', p.ttl)
  if nextCursor == 'end' and redis.call('DECR', p.pending) <= 0 then
    redis.call('DEL', p.pending)
    return 2, nextCursor, pushed
  end
  return 1, nextCursor, pushed
end
