-- user follows target; idempotent, last writer wins per edge. Merges the target's most recent
-- tweets into the user's timeline in time order: their scores give the entries, no body is read.
-- KEYS[1] followers:<target>  KEYS[2] following:<user>  KEYS[3] timeline:<user>
-- KEYS[4] tweets:<target>     KEYS[5] users                KEYS[6] edges:<user> (edge clocks)
-- KEYS[7] reply-parents (tweet id -> the author it replies to; Twitter's reply rule: a reply of the target is merged only when the
-- user is the author replied to or follows them, as the fan-out's reply walk decides)
-- ARGV[1] user, ARGV[2] target, ARGV[3] event time ms, ARGV[4] cap, ARGV[5] tweets to merge
-- Returns 1 when the edge is new, 0 when it existed or a newer event of the edge was applied.
-- Work: O(cap + merged) whatever the number of the target's tweets.
--- @include "edge-clock"
--- @include "timeline-entry"
--- @include "next-score"
local user, target = ARGV[1], ARGV[2]
if not edgeEventWins(KEYS[6], target, ARGV[3], 'f') then return 0 end
if redis.call('ZSCORE', KEYS[1], user) then return 0 end

local now = tonumber(ARGV[3])
redis.call('ZADD', KEYS[1], nextScore(KEYS[1], now), user)
redis.call('ZADD', KEYS[2], nextScore(KEYS[2], now), target)
redis.call('ZADD', KEYS[5], 'NX', now, user)
redis.call('ZADD', KEYS[5], 'NX', now, target)

local cap = tonumber(ARGV[4])
local rows = redis.call('ZRANGE', KEYS[4], '+inf', '-inf', 'BYSCORE', 'REV', 'LIMIT', 0, tonumber(ARGV[5]), 'WITHSCORES')
if #rows == 0 then return 1 end
local fresh = {}
local ids = {}
for i = 1, #rows, 2 do ids[#ids + 1] = rows[i] end
local parents = redis.call('HMGET', KEYS[7], unpack(ids))
for i = 1, #rows, 2 do
  local parent = parents[(i + 1) / 2]
  if not parent or parent == user or redis.call('ZSCORE', KEYS[2], parent) then fresh[#fresh + 1] = timelineEntry(rows[i + 1], rows[i]) end
end

-- Both lists are newest first: one merge, equal entries kept once.
mergeEntries(KEYS[3], fresh, cap)
return 1
