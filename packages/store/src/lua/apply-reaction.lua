-- A like/unlike or retweet/undo of one user on one tweet, last writer wins per (user, tweet) by
-- event time, so redelivery, replay and concurrent events give the same set. Ignored for a deleted
-- tweet. The tweet's counts are recomputed from its sets.
-- KEYS[1] deleted:<id>  KEYS[2] clocks (like-clocks:<id> or retweet-clocks:<id>)
-- KEYS[3] the set changed (likes:<id>, a set, or retweets:<id>, a zset scored by event time)
-- KEYS[4] counts:<id>  KEYS[5] likes:<id>  KEYS[6] retweets:<id>  KEYS[7] replies:<id>
-- ARGV[1] user, ARGV[2] event time ms, ARGV[3] 'f' (like, retweet) or 'u' (unlike, undo),
-- ARGV[4] 'set' or 'zset' (the type of KEYS[3])
-- Returns 1 when applied, 0 when a newer event of the pair was applied before or the tweet is deleted.
--- @include "edge-clock"
--- @include "tweet-counts"
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
if not edgeEventWins(KEYS[2], ARGV[1], ARGV[2], ARGV[3]) then return 0 end
if ARGV[4] == 'set' then
  if ARGV[3] == 'f' then redis.call('SADD', KEYS[3], ARGV[1]) else redis.call('SREM', KEYS[3], ARGV[1]) end
else
  if ARGV[3] == 'f' then redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1]) else redis.call('ZREM', KEYS[3], ARGV[1]) end
end
writeCounts(KEYS[4], KEYS[5], KEYS[6], KEYS[7])
return 1
