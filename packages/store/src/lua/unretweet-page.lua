-- One page of an undone retweet: each of the retweeter's next followers loses the retweet entry
-- of the tweet unless another account they follow still retweets it (then the one entry stays).
-- Stops when the same user retweeted again meanwhile (a newer event won).
-- KEYS[1] followers:<retweeter>  KEYS[2] progress of this walk  KEYS[3] retweets:<id>
-- KEYS[4] retweet-entries:<id>
-- ARGV[1] timeline key prefix, ARGV[2] following key prefix, ARGV[3] retweeter, ARGV[4] page size,
-- ARGV[5] ttl s
-- Returns { next cursor or 'end', entries removed }
--- @include "follower-walk"
if redis.call('ZSCORE', KEYS[3], ARGV[3]) then
  redis.call('SET', KEYS[2], 'end', 'EX', tonumber(ARGV[5]))
  return { 'end', 0 }
end
local limit = tonumber(ARGV[4])
local rows = walkPage(KEYS[1], KEYS[2], limit)
if not rows then return { 'end', 0 } end
local removed = 0
for i = 1, #rows, 2 do
  local f = rows[i]
  local entry = redis.call('HGET', KEYS[4], f)
  if entry and redis.call('ZINTERCARD', 2, KEYS[3], ARGV[2] .. f, 'LIMIT', 1) == 0 then
    removed = removed + redis.call('LREM', ARGV[1] .. f, 0, entry)
    redis.call('HDEL', KEYS[4], f)
  end
end
return { walkAdvance(KEYS[2], rows, limit, tonumber(ARGV[5])), removed }
