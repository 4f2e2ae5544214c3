-- user unfollows target; idempotent, last writer wins per edge. The target's tweets leave the
-- user's timeline: the timeline (at most cap entries) is checked against tweets:<target> with
-- ZMSCORE, so the work is O(cap log n), never a read of everything the target posted.
-- KEYS[1] followers:<target>  KEYS[2] following:<user>  KEYS[3] timeline:<user>  KEYS[4] tweets:<target>
-- KEYS[5] edges:<user> (edge clocks)
-- ARGV[1] user, ARGV[2] target, ARGV[3] cap, ARGV[4] event time ms
-- Returns 1 when an edge was removed, 0 when there was none or a newer event of the edge was applied.
--- @include "edge-clock"
--- @include "timeline-entry"
if not edgeEventWins(KEYS[5], ARGV[2], ARGV[4], 'u') then return 0 end
local removed = redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[2])
if removed == 0 then return 0 end
-- The whole list: up to the cap plus the trim slack (includes/timeline-entry.lua), so no entry of the
-- target waits past the cap to move up when an entry above it leaves.
local cap = tonumber(ARGV[3])
local current = redis.call('LRANGE', KEYS[3], 0, cap + trimSlack(cap) - 1)
local kept = {}
for k = 1, #current, 500 do
  local ids = {}
  for n = k, math.min(k + 499, #current) do ids[#ids + 1] = entryId(current[n]) end
  local scores = redis.call('ZMSCORE', KEYS[4], unpack(ids))
  for n = 1, #ids do
    if not scores[n] then kept[#kept + 1] = current[k + n - 1] end
  end
end
if #kept == #current then return 1 end
replaceList(KEYS[3], kept)
return 1
