-- A resumable walk over followers:<user>, one page per script call. The cursor (a follower score,
-- exclusive) lives in a progress key; 'end' once the walk is done, so a redelivery finds it done.
-- Returns the rows of the next page ({member, score, ...}) or nil when the walk has ended.
local function walkPage(followersKey, progressKey, limit)
  local cursor = redis.call('GET', progressKey) or '-inf'
  if cursor == 'end' then return nil end
  return redis.call('ZRANGE', followersKey, '(' .. cursor, '+inf', 'BYSCORE', 'LIMIT', 0, limit, 'WITHSCORES')
end

-- Records where the walk stands after a page of `rows`; returns the next cursor or 'end'.
local function walkAdvance(progressKey, rows, limit, ttl)
  local nextCursor = 'end'
  if #rows / 2 == limit then nextCursor = rows[#rows] end
  redis.call('SET', progressKey, nextCursor, 'EX', ttl)
  return nextCursor
end
