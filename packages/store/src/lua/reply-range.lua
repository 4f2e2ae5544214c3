-- One page of a reply's fan-out (Twitter's rule): of the replier's next followers, only those who
-- also follow the author replied to get the reply. Stops when the reply was deleted meanwhile.
-- KEYS[1] followers:<replier>  KEYS[2] progress of this walk  KEYS[3] deleted:<id>
-- ARGV[1] entry, ARGV[2] cap, ARGV[3] timeline key prefix, ARGV[4] following key prefix,
-- ARGV[5] the author replied to, ARGV[6] page size, ARGV[7] ttl s
-- Returns { next cursor or 'end', timelines given the entry }
--- @include "timeline-entry"
--- @include "follower-walk"
if redis.call('EXISTS', KEYS[3]) == 1 then
  redis.call('SET', KEYS[2], 'end', 'EX', tonumber(ARGV[7]))
  return { 'end', 0 }
end
local limit = tonumber(ARGV[6])
local rows = walkPage(KEYS[1], KEYS[2], limit)
if not rows then return { 'end', 0 } end
local cap = tonumber(ARGV[2])
local pushed = 0
for i = 1, #rows, 2 do
  local f = rows[i]
  if f == ARGV[5] or redis.call('ZSCORE', ARGV[4] .. f, ARGV[5]) then pushed = pushed + insertEntry(ARGV[3] .. f, ARGV[1], cap) end
end
return { walkAdvance(KEYS[2], rows, limit, tonumber(ARGV[7])), pushed }
