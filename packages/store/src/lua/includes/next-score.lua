-- Follower and following ZSETs score their members in follow order, strictly increasing per key, so
-- (score) is a stable paging cursor for fan-out: the later of `now` and one past the highest score.
local function nextScore(key, now)
  local top = redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')
  local s = now
  if top[2] and tonumber(top[2]) >= s then s = tonumber(top[2]) + 1 end
  return s
end
