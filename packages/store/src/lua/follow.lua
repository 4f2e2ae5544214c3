-- user follows target; idempotent. Merges the target's recent tweets into the user's timeline in
-- time order (createdAt ISO strings compare as text).
-- KEYS[1] followers:<target>  KEYS[2] following:<user>  KEYS[3] timeline:<user>
-- KEYS[4] tweets:<target>     KEYS[5] users                KEYS[6] edges:<user> (edge clocks)
-- ARGV[1] user, ARGV[2] target, ARGV[3] event time ms, ARGV[4] cap, ARGV[5] tweets to merge,
-- ARGV[6] key prefix of tweet bodies ("<prefix>tweet:")
-- Returns 1 when the edge is new, 0 when it existed or a newer event of the edge was applied.
--- @include "edge-clock"
local user, target = ARGV[1], ARGV[2]
if not edgeEventWins(KEYS[6], target, ARGV[3], 'f') then return 0 end
if redis.call('ZSCORE', KEYS[1], user) then return 0 end

-- Scores strictly increase per key, so (score) is a stable paging cursor for fan-out.
local function nextScore(key, now)
  local top = redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')
  local s = now
  if top[2] and tonumber(top[2]) >= s then s = tonumber(top[2]) + 1 end
  return s
end
local now = tonumber(ARGV[3])
redis.call('ZADD', KEYS[1], nextScore(KEYS[1], now), user)
redis.call('ZADD', KEYS[2], nextScore(KEYS[2], now), target)
redis.call('ZADD', KEYS[5], 'NX', now, user)
redis.call('ZADD', KEYS[5], 'NX', now, target)

local cap = tonumber(ARGV[4])
local incoming = redis.call('ZRANGE', KEYS[4], '+inf', '-inf', 'BYSCORE', 'REV', 'LIMIT', 0, tonumber(ARGV[5]))
if #incoming == 0 then return 1 end

local prefix = ARGV[6]
local function createdAt(ids)
  local keys = {}
  for i, id in ipairs(ids) do keys[i] = prefix .. id end
  local out = {}
  if #keys == 0 then return out end
  local bodies = redis.call('MGET', unpack(keys))
  for i, b in ipairs(bodies) do
    local t = '9999' -- a body not saved yet sorts as newest: it just arrived
    if b then
      local ok, doc = pcall(cjson.decode, b)
      if ok and type(doc) == 'table' and type(doc.createdAt) == 'string' then t = doc.createdAt end
    end
    out[i] = t
  end
  return out
end

local current = redis.call('LRANGE', KEYS[3], 0, cap - 1)
local present = {}
for _, id in ipairs(current) do present[id] = true end
local fresh = {}
for _, id in ipairs(incoming) do if not present[id] then fresh[#fresh + 1] = id end end
if #fresh == 0 then return 1 end

local tc, fc = createdAt(current), createdAt(fresh)
local merged, i, j = {}, 1, 1
while #merged < cap and (i <= #current or j <= #fresh) do
  if j > #fresh or (i <= #current and tc[i] >= fc[j]) then
    merged[#merged + 1] = current[i]; i = i + 1
  else
    merged[#merged + 1] = fresh[j]; j = j + 1
  end
end
redis.call('DEL', KEYS[3])
for k = 1, #merged, 1000 do
  redis.call('RPUSH', KEYS[3], unpack(merged, k, math.min(k + 999, #merged)))
end
return 1
