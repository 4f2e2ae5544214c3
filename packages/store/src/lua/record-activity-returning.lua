-- Redis Cluster form of record-activity.lua: the rebuild markers live on their users' slots, so this
-- call (on active-users' slot) records the activity and returns who came back after the window; the
-- caller sets their markers (activity-store.ts).
-- KEYS[1] active-users
-- ARGV[1] window ms, ARGV[2] least ms between two writes of one user, then pairs ARGV[3 + 2i] user,
-- ARGV[4 + 2i] at ms
-- Returns the users who came back after the window.
--- @include "activity"
local back = {}
for i = 3, #ARGV, 2 do
  if recordActivity(KEYS[1], nil, ARGV[i], tonumber(ARGV[i + 1]), tonumber(ARGV[1]), tonumber(ARGV[2])) then back[#back + 1] = ARGV[i] end
end
return back
