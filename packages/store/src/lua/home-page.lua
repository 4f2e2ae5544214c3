-- One page of a home timeline plus the recent tweets of followed authors who are not fanned out
-- (pulled at read time), in one round trip.
-- KEYS[1] timeline:<user>  KEYS[2] following:<user>  KEYS[3] pulled-authors
-- ARGV[1] cursor id in the timeline ('' = top), ARGV[2] page size,
-- ARGV[3] pulled tweets must be older than this score ('+inf' = no bound), ARGV[4] key prefix of
-- authors' tweet lists ("<prefix>tweets:"), ARGV[5] most pulled authors merged
-- Returns { timeline ids, { pulled id, score, ... } }
local limit = tonumber(ARGV[2])
local start = 0
local ids = {}
local ok = true
if ARGV[1] ~= '' then
  local pos = redis.call('LPOS', KEYS[1], ARGV[1])
  if pos then start = pos + 1 else ok = false end
end
if ok then ids = redis.call('LRANGE', KEYS[1], start, start + limit - 1) end

local pulled = {}
if redis.call('EXISTS', KEYS[3]) == 1 then
  local authors = redis.call('ZINTER', 2, KEYS[2], KEYS[3])
  local max = ARGV[3] == '+inf' and '+inf' or ('(' .. ARGV[3])
  for i = 1, math.min(#authors, tonumber(ARGV[5])) do
    local rows = redis.call('ZRANGE', ARGV[4] .. authors[i], max, '-inf', 'BYSCORE', 'REV', 'LIMIT', 0, limit, 'WITHSCORES')
    for j = 1, #rows do pulled[#pulled + 1] = rows[j] end
  end
end
return { ids, pulled }
