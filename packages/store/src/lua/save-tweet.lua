-- Stores a tweet unless it was deleted (a late or replayed original never resurrects a tombstoned
-- tweet), and indexes a reply under the tweet it answers.
-- KEYS[1] deleted:<id>  KEYS[2] tweet:<id>  KEYS[3] tweets:<author>  KEYS[4] users
-- for a reply also: KEYS[5] replies:<parent>  KEYS[6] counts:<parent>  KEYS[7] likes:<parent>
-- KEYS[8] retweets:<parent>  KEYS[9] deleted:<parent>  KEYS[10] reply-parents
-- ARGV[1] body JSON, ARGV[2] createdAt ms, ARGV[3] author, ARGV[4] id, for a reply ARGV[5] the author replied to
-- A reply is also recorded in reply-parents (id -> the author replied to), so the paths that
-- put an author's recent tweets on a home page without the reply walk (home-page.lua's pulled
-- merge and rebuild, follow.lua's merge) apply Twitter's reply rule too.
-- Returns 1 when stored, 0 when the tweet is deleted.
--- @include "tweet-counts"
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('SET', KEYS[2], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[4])
redis.call('ZADD', KEYS[4], 'NX', ARGV[2], ARGV[3])
if #KEYS >= 10 then redis.call('HSET', KEYS[10], ARGV[4], ARGV[5]) end
if #KEYS >= 9 and redis.call('EXISTS', KEYS[9]) == 0 then
  redis.call('ZADD', KEYS[5], ARGV[2], ARGV[4])
  writeCounts(KEYS[6], KEYS[7], KEYS[8], KEYS[5])
end
return 1
