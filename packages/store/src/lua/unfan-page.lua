-- Step 2 of a delete, one page per call: the tweet's entry leaves the timelines of the next
-- `limit` followers of its author. Work per call: limit x LREM over at most cap entries.
-- KEYS[1] followers:<author>  KEYS[2] progress of this walk
-- ARGV[1] timeline entry, ARGV[2] timeline key prefix, ARGV[3] page size, ARGV[4] progress ttl s
-- Returns { next cursor or 'end', entries removed }
--- @include "follower-walk"
local limit = tonumber(ARGV[3])
local rows = walkPage(KEYS[1], KEYS[2], limit)
if not rows then return { 'end', 0 } end
local removed = 0
for i = 1, #rows, 2 do removed = removed + redis.call('LREM', ARGV[2] .. rows[i], 0, ARGV[1]) end
return { walkAdvance(KEYS[2], rows, limit, tonumber(ARGV[4])), removed }
