-- user unfollows target; idempotent. The target's tweets leave the user's timeline.
-- KEYS[1] followers:<target>  KEYS[2] following:<user>  KEYS[3] timeline:<user>  KEYS[4] tweets:<target>
-- KEYS[5] edges:<user> (edge clocks)
-- ARGV[1] user, ARGV[2] target, ARGV[3] cap, ARGV[4] event time ms
-- Returns 1 when an edge was removed, 0 when there was none or a newer event of the edge was applied.
--- @include "edge-clock"
if not edgeEventWins(KEYS[5], ARGV[2], ARGV[4], 'u') then return 0 end
local removed = redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[2])
if removed == 0 then return 0 end
local cap = tonumber(ARGV[3])
local theirs = redis.call('ZRANGE', KEYS[4], 0, -1)
if #theirs == 0 then return 1 end
local drop = {}
for _, id in ipairs(theirs) do drop[id] = true end
local current = redis.call('LRANGE', KEYS[3], 0, cap - 1)
local kept = {}
for _, id in ipairs(current) do if not drop[id] then kept[#kept + 1] = id end end
if #kept == #current then return 1 end
redis.call('DEL', KEYS[3])
for k = 1, #kept, 1000 do
  redis.call('RPUSH', KEYS[3], unpack(kept, k, math.min(k + 999, #kept)))
end
return 1
