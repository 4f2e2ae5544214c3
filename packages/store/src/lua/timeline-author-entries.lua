-- Redis Cluster, last step of a follow or unfollow (graph-store.ts) on the user's slot: the target's
-- entries, read from tweets:{target} by the caller, merged into the timeline while the user follows
-- the target, or taken out of it while they do not (a later event of the edge decides otherwise).
-- KEYS[1] following:{user}  KEYS[2] timeline:{user}
-- ARGV[1] target ('' for none), ARGV[2] 'f' (merge) or 'u' (take out), ARGV[3] cap, ARGV[4..] entries, newest first
-- Returns 1 when the timeline was changed or checked, 0 when the edge's state says otherwise.
--- @include "timeline-entry"
if ARGV[1] ~= '' then -- '' (a rebuild, home-timeline.ts): no edge to check
  local follows = redis.call('ZSCORE', KEYS[1], ARGV[1]) ~= false
  if follows ~= (ARGV[2] == 'f') then return 0 end
end
local cap = tonumber(ARGV[3])
if ARGV[2] == 'f' then
  local fresh = {}
  for i = 4, #ARGV do fresh[#fresh + 1] = ARGV[i] end
  if #fresh > 0 then mergeEntries(KEYS[2], fresh, cap) end
  return 1
end
local drop = {}
for i = 4, #ARGV do drop[ARGV[i]] = true end
local current = redis.call('LRANGE', KEYS[2], 0, cap + trimSlack(cap) - 1)
local kept = {}
for _, e in ipairs(current) do
  if not drop[e] then kept[#kept + 1] = e end
end
if #kept == #current then return 1 end
replaceList(KEYS[2], kept)
return 1
