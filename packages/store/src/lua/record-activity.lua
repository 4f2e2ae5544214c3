-- Records activity of users (signed in, posted), at most once a minute each; a user back after
-- the activity window gets a rebuild marker (lua/includes/activity.lua).
-- KEYS[1] active-users
-- ARGV[1] key prefix of rebuild markers ("<prefix>timeline-rebuild:"), ARGV[2] window ms,
-- ARGV[3] least ms between two writes of one user, then pairs ARGV[4 + 2i] user, ARGV[5 + 2i] at ms
-- Returns how many users came back after the window.
--- @include "activity"
local back = 0
for i = 4, #ARGV, 2 do
  local user = ARGV[i]
  if recordActivity(KEYS[1], ARGV[1] .. user, user, tonumber(ARGV[i + 1]), tonumber(ARGV[2]), tonumber(ARGV[3])) then back = back + 1 end
end
return back
