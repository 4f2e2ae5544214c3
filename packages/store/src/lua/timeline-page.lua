-- One page of timeline ids after a cursor id, in one round trip.
-- KEYS[1] timeline  ARGV[1] cursor id ('' = from the top), ARGV[2] page size
local start = 0
if ARGV[1] ~= '' then
  local pos = redis.call('LPOS', KEYS[1], ARGV[1])
  if not pos then return {} end
  start = pos + 1
end
return redis.call('LRANGE', KEYS[1], start, start + tonumber(ARGV[2]) - 1)
