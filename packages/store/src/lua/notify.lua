-- Adds one activity to a user's aggregated notification feed (Stream-Framework's aggregated feed):
-- the actor joins the group (e.g. `like:<tweet>`: everyone who liked it) and the group moves to
-- the time of its latest activity. Idempotent: a redelivered event sets the same scores (ZADD GT
-- never moves a score back), so nothing is counted twice. The feed keeps at most `cap` groups; a
-- group that falls off takes its actor set (and its clocks) with it.
-- An activity of an actor the user blocked at or before its time is turned away (a blocked user
-- notifies nobody). Decided by event times, not by which topic was read first, so a rebuild (which
-- applies every block before any activity) keeps exactly what the live feed kept: an activity
-- from before the block stays, hidden at read while the block lasts.
-- Undoable activities (likes, retweets: ARGV[6] 'f' to add, 'u' to undo) go through a clock per
-- actor of the group, last writer wins by event time (includes/edge-clock.lua): an undo takes the
-- actor out, a redelivered or overtaken older like cannot bring them back, and a group left empty
-- is dropped from the feed. The group's time is always its newest actor's, so the live order and
-- a replay of the latest record per key give the same feed.
-- KEYS[1] notifs:<user>  KEYS[2] notif:<user>:<group>  KEYS[3] relations:<user> (clocks, relation.lua)
-- KEYS[4] notif-clocks:<user>:<group> (used only when ARGV[6] is not '')
-- ARGV[1] group, ARGV[2] actor, ARGV[3] activity time ms, ARGV[4] cap, ARGV[5] prefix of the user's group keys,
-- ARGV[6] '' (not undoable), 'f' or 'u', ARGV[7] prefix of the user's group clock keys
-- Returns 1 when applied, 0 when turned away (blocked, or older than the actor's latest event).
--- @include "edge-clock"
local action = ARGV[6]
if action ~= 'u' then
  local block = redis.call('HGET', KEYS[3], 'block:' .. ARGV[2])
  if block then
    local sep = string.find(block, ':', 1, true)
    if string.sub(block, sep + 1) == 'f' and tonumber(string.sub(block, 1, sep - 1)) <= tonumber(ARGV[3]) then return 0 end
  end
end
if action ~= '' and not edgeEventWins(KEYS[4], ARGV[2], ARGV[3], action) then return 0 end
if action == 'u' then
  if redis.call('ZREM', KEYS[2], ARGV[2]) == 0 then return 1 end
  local newest = redis.call('ZRANGE', KEYS[2], -1, -1, 'WITHSCORES')
  if #newest == 0 then
    redis.call('DEL', KEYS[2])
    redis.call('ZREM', KEYS[1], ARGV[1])
  else
    redis.call('ZADD', KEYS[1], 'XX', newest[2], ARGV[1])
  end
  return 1
end
redis.call('ZADD', KEYS[2], 'GT', ARGV[3], ARGV[2])
redis.call('ZADD', KEYS[1], 'GT', ARGV[3], ARGV[1])
local cap = tonumber(ARGV[4])
local over = redis.call('ZCARD', KEYS[1]) - cap
if over > 0 then
  local dropped = redis.call('ZRANGE', KEYS[1], 0, over - 1)
  redis.call('ZREMRANGEBYRANK', KEYS[1], 0, over - 1)
  for _, group in ipairs(dropped) do redis.call('DEL', ARGV[5] .. group, ARGV[7] .. group) end
end
return 1
