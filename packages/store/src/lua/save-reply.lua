-- Redis Cluster part of save-tweet.lua on the parent's slot: a reply under the tweet it answers,
-- unless the parent was deleted, and the parent's counts.
-- KEYS[1] replies:{parent}  KEYS[2] counts:{parent}  KEYS[3] likes:{parent}  KEYS[4] retweets:{parent}
-- KEYS[5] deleted:{parent}   ARGV[1] createdAt ms of the reply, ARGV[2] its id
-- Returns 1 when indexed, 0 when the parent is deleted.
--- @include "tweet-counts"
if redis.call('EXISTS', KEYS[5]) == 1 then return 0 end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
writeCounts(KEYS[2], KEYS[3], KEYS[4], KEYS[1])
return 1
