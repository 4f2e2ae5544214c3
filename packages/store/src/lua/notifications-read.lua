-- Moves a user's read marker forward only: a redelivered or older marker changes nothing.
-- KEYS[1] notif-read:<user>  ARGV[1] read-up-to time ms. Returns the marker now in force.
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local at = tonumber(ARGV[1])
if at > current then
  redis.call('SET', KEYS[1], ARGV[1])
  return at
end
return current
