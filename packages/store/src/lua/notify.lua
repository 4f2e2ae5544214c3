-- Adds one activity to a user's aggregated notification feed (Stream-Framework's aggregated feed):
-- the actor joins the group (e.g. `like:<tweet>`: everyone who liked it) and the group moves to
-- the time of its latest activity. Idempotent: a redelivered event sets the same scores (ZADD GT
-- never moves a score back), so nothing is counted twice. The feed keeps at most `cap` groups; a
-- group that falls off takes its actor set with it.
-- An activity of an actor the user blocked at or before its time is turned away (a blocked user
-- notifies nobody). Decided by event times, not by which topic was read first, so a rebuild (which
-- applies every block before any activity) keeps exactly what the live feed kept: an activity
-- from before the block stays, hidden at read while the block lasts.
-- KEYS[1] notifs:<user>  KEYS[2] notif:<user>:<group>  KEYS[3] relations:<user> (clocks, relation.lua)
-- ARGV[1] group, ARGV[2] actor, ARGV[3] activity time ms, ARGV[4] cap, ARGV[5] prefix of the user's group keys
-- Returns 1 when applied, 0 when turned away.
local block = redis.call('HGET', KEYS[3], 'block:' .. ARGV[2])
if block then
  local sep = string.find(block, ':', 1, true)
  if string.sub(block, sep + 1) == 'f' and tonumber(string.sub(block, 1, sep - 1)) <= tonumber(ARGV[3]) then return 0 end
end
redis.call('ZADD', KEYS[2], 'GT', ARGV[3], ARGV[2])
redis.call('ZADD', KEYS[1], 'GT', ARGV[3], ARGV[1])
local cap = tonumber(ARGV[4])
local over = redis.call('ZCARD', KEYS[1]) - cap
if over > 0 then
  local dropped = redis.call('ZRANGE', KEYS[1], 0, over - 1)
  redis.call('ZREMRANGEBYRANK', KEYS[1], 0, over - 1)
  for _, group in ipairs(dropped) do redis.call('DEL', ARGV[5] .. group) end
end
return 1
