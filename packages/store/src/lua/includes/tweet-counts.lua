-- A tweet's counts, recomputed from its sets (never incremented): likes:<id> (set), retweets:<id>
-- (zset) and replies:<id> (zset). Written as JSON to counts:<id>, so reads fetch it with the body
-- in the same MGET. Every script that changes one of the sets calls this in the same call.
local function writeCounts(countsKey, likesKey, retweetsKey, repliesKey)
  redis.call('SET', countsKey, '{"likes":' .. redis.call('SCARD', likesKey) .. ',"retweets":' .. redis.call('ZCARD', retweetsKey)
    .. ',"replies":' .. redis.call('ZCARD', repliesKey) .. '}')
end
