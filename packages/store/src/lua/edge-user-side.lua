-- Redis Cluster, first step of a follow or unfollow (graph-store.ts): the event on the user's slot.
-- Last writer wins per edge by event time, the clock of follow.lua/unfollow.lua (an unfollow wins a tie).
-- KEYS[1] edges:{user} (edge clocks)  KEYS[2] following:{user}
-- ARGV[1] target, ARGV[2] event time ms, ARGV[3] 'f' (follow) or 'u' (unfollow)
-- Returns { 1 when the edge changed now, 1 when the user follows the target after this call }:
-- the caller mirrors the second onto followers:{target}, also on a redelivery.
--- @include "edge-clock"
--- @include "next-score"
local target = ARGV[1]
local changed = 0
if edgeEventWins(KEYS[1], target, ARGV[2], ARGV[3]) then
  if ARGV[3] == 'f' then
    if not redis.call('ZSCORE', KEYS[2], target) then
      redis.call('ZADD', KEYS[2], nextScore(KEYS[2], tonumber(ARGV[2])), target)
      changed = 1
    end
  else
    changed = redis.call('ZREM', KEYS[2], target)
  end
end
return { changed, redis.call('ZSCORE', KEYS[2], target) and 1 or 0 }
