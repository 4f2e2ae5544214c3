-- Last writer wins per edge, by event time: an event applies only when it is newer than the edge's
-- clock (equal times: an unfollow beats a follow, so the order of application never matters).
-- The clock stays after an unfollow: it is the tombstone that turns away a late, older follow.
-- clockKey is edges:<user> (a hash target -> '<ms>:f' or '<ms>:u'), at is the event time in ms.
local function edgeEventWins(clockKey, target, at, action)
  local current = redis.call('HGET', clockKey, target)
  if current then
    local sep = string.find(current, ':', 1, true)
    local seenAt, seenAction = tonumber(string.sub(current, 1, sep - 1)), string.sub(current, sep + 1)
    local t = tonumber(at)
    if t < seenAt or (t == seenAt and (seenAction == 'u' or seenAction == action)) then return false end
  end
  redis.call('HSET', clockKey, target, at .. ':' .. action)
  return true
end
