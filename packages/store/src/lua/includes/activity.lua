-- Who is active: `active-users` (ZSET user -> last activity ms). Fan-out pushes only to users active
-- within the window; a user the record has never seen (an account from before the record) counts as
-- active, so nobody loses pushes when the record starts. A user coming back after the window gets a
-- rebuild marker: their timeline missed the pushes of their absence and is rebuilt on first read.

-- For each user of `users`, true when their timeline receives pushes: never recorded, or active
-- since `cutoff` (ms). cutoff nil: the window is off, everyone receives pushes. One ZMSCORE per
-- 1,000 users rather than a ZSCORE each: every redis.call from Lua has a fixed cost, which a
-- per-follower call paid once more per push.
local function receivingPushes(activeKey, users, cutoff)
  local out = {}
  if not cutoff then
    for i = 1, #users do out[i] = true end
    return out
  end
  for s = 1, #users, 1000 do
    local e = math.min(s + 999, #users)
    local scores = redis.call('ZMSCORE', activeKey, unpack(users, s, e))
    for i = s, e do
      local last = scores[i - s + 1]
      out[i] = not last or tonumber(last) >= cutoff
    end
  end
  return out
end

-- Records activity of `user` at `at` ms, at most once per `minInterval` ms (a later write only
-- moves the score forward: ZADD GT). Returns true when the user comes back after more than
-- `window` ms away (their timeline missed pushes): then `markerKey` is set (for `window` ms), so
-- the first read rebuilds it, once. `markerKey` nil (Redis Cluster): the caller sets it.
local function recordActivity(activeKey, markerKey, user, at, window, minInterval)
  local last = redis.call('ZSCORE', activeKey, user)
  local returning = last ~= false and tonumber(last) < at - window
  if returning and markerKey then redis.call('SET', markerKey, '1', 'PX', window) end
  if not last or returning or tonumber(last) <= at - minInterval then redis.call('ZADD', activeKey, 'GT', at, user) end
  return returning
end
