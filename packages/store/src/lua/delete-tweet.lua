-- Step 1 of a delete: the tombstone (kept: it turns away a late fan-out, save or like of the
-- tweet), then everything that is O(1) or O(tags): the body, the author's list and own timeline,
-- the tag index, the reply index of the parent and the tweet's own likes and retweets sets.
-- Followers' timelines are step 2 (pages of unfan-page.lua and unretweet-entries.lua).
-- KEYS[1] deleted:<id>  KEYS[2] tweet:<id>  KEYS[3] tweets:<author>  KEYS[4] tags:<id>
-- KEYS[5] timeline:<author>  KEYS[6] likes:<id>  KEYS[7] retweets:<id>  KEYS[8] counts:<id>
-- for a reply also: KEYS[9] replies:<parent>  KEYS[10] counts:<parent>  KEYS[11] likes:<parent>
-- KEYS[12] retweets:<parent>  KEYS[13] reply-parents
-- ARGV[1] id, ARGV[2] timeline entry of the tweet, ARGV[3] key prefix of tag sets ("<prefix>tag:")
-- Returns 1 when the tombstone is new, 0 when the tweet was deleted before (the rest is redone: idempotent).
--- @include "tweet-counts"
local fresh = redis.call('SET', KEYS[1], '1', 'NX') and 1 or 0
redis.call('DEL', KEYS[2])
redis.call('ZREM', KEYS[3], ARGV[1])
local tags = redis.call('GET', KEYS[4])
if tags then
  for _, tag in ipairs(cjson.decode(tags)) do redis.call('ZREM', ARGV[3] .. tag, ARGV[1]) end
  redis.call('DEL', KEYS[4])
end
redis.call('LREM', KEYS[5], 0, ARGV[2])
redis.call('DEL', KEYS[6], KEYS[7], KEYS[8])
if #KEYS >= 12 then
  redis.call('ZREM', KEYS[9], ARGV[1])
  writeCounts(KEYS[10], KEYS[11], KEYS[12], KEYS[9])
end
if #KEYS >= 13 then redis.call('HDEL', KEYS[13], ARGV[1]) end
return fresh
