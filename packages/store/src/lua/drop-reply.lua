-- Redis Cluster part of delete-tweet.lua on the parent's slot: a deleted reply leaves the index of
-- the tweet it answers, and the parent's counts follow.
-- KEYS[1] replies:{parent}  KEYS[2] counts:{parent}  KEYS[3] likes:{parent}  KEYS[4] retweets:{parent}
-- ARGV[1] the reply's id. Returns 1 when it was indexed.
--- @include "tweet-counts"
local removed = redis.call('ZREM', KEYS[1], ARGV[1])
writeCounts(KEYS[2], KEYS[3], KEYS[4], KEYS[1])
return removed
