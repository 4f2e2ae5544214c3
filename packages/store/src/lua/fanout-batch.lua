-- The small fan-outs of a batch of tweets in one round trip: for each tweet, in order, the first
-- page of its followers (at most ARGV[2]) with the author's own timeline, exactly as fanout-range.lua
-- applies a range's first page (lua/includes/fanout-page.lua), so markers, redelivery and a later
-- page are interchangeable between the two. The caller bounds the work of one call (timelines per
-- call), so no call blocks Redis for long.
-- KEYS[1] active-users (who receives pushes: lua/includes/activity.lua)
-- ARGV[1] cap, ARGV[2] page size, ARGV[3] marker ttl s, ARGV[4] timeline key prefix,
-- ARGV[5] push cutoff ms ('' = push to every follower), then 6 values per tweet: marker key,
-- pending-chunks key, followers key, author, timeline entry ('<ms>:<id>'), deleted:<tweet> (tombstone)
-- Returns 3 values per tweet: code (0 applied before, 1 applied, 2 applied and it completed the
-- fan-out), the next cursor or 'end', timelines pushed
--- @include "timeline-entry"
--- @include "activity"
--- @include "fanout-page"
local out = {}
for t = 6, #ARGV, 6 do
  local code, nextCursor, pushed = deliverPage({
    followers = ARGV[t + 2], marker = ARGV[t], pending = ARGV[t + 1], active = KEYS[1],
    entry = ARGV[t + 4], cap = tonumber(ARGV[1]), cursor = '-inf', to = '+inf', limit = tonumber(ARGV[2]),
    ttl = ARGV[3], prefix = ARGV[4], owner = ARGV[t + 3], cutoff = tonumber(ARGV[5]), tombstone = ARGV[t + 5],
  })
  out[#out + 1] = code
  out[#out + 1] = nextCursor
  out[#out + 1] = pushed
end
return out
