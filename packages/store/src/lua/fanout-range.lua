-- Delivers one page of a fan-out range in one round trip: reads the next followers of the author
-- inside Redis, inserts the tweet's entry into their timelines, records a marker and counts down
-- (lua/includes/fanout-page.lua). Nothing is shipped to the client and back: this is the fast path
-- (see bench/fanout.ts).
-- KEYS[1] followers:<author>  KEYS[2] marker of this page  KEYS[3] pending-chunks counter
-- KEYS[4] active-users (who receives pushes: lua/includes/activity.lua)
-- ARGV[1] timeline entry ('<ms>:<id>'), ARGV[2] cap, ARGV[3] cursor (exclusive score), ARGV[4] range end
-- (inclusive score or '+inf'), ARGV[5] page size, ARGV[6] marker ttl s, ARGV[7] timeline key prefix,
-- ARGV[8] extra timeline owner to include (the author on a range's first page) or '',
-- ARGV[9] push cutoff ms ('' = push to every follower), ARGV[10] deleted:<tweet> (a deleted tweet is
-- pushed nowhere, issue 18)
-- Returns { code, next cursor or 'end', pushed } with code 0 = applied before, 1 = applied,
-- 2 = applied and it completed the fan-out.
-- Timeline keys are built here rather than passed in KEYS: fine on one Redis node; a cluster
-- deployment would group followers by hash slot first (docs/architecture.md).
--- @include "timeline-entry"
--- @include "activity"
--- @include "fanout-page"
local code, nextCursor, pushed = deliverPage({
  followers = KEYS[1], marker = KEYS[2], pending = KEYS[3], active = KEYS[4],
  entry = ARGV[1], cap = tonumber(ARGV[2]), cursor = ARGV[3], to = ARGV[4], limit = tonumber(ARGV[5]),
  ttl = ARGV[6], prefix = ARGV[7], owner = ARGV[8], cutoff = tonumber(ARGV[9]), tombstone = ARGV[10] or '',
})
return { code, nextCursor, pushed }
