-- Stores a tweet's tags and puts it in each tag's index, unless the tweet was deleted: the tagger is
-- another group reading another topic, so its verdict may be handled after the tombstone, and it
-- must not bring a deleted id back into `tag:<tag>` (nor into for-you candidates, read from there).
-- delete-tweet.lua takes out a verdict stored before it (it reads tags:<id>).
-- KEYS[1] deleted:<id>  KEYS[2] tags:<id>
-- ARGV[1] tags JSON, ARGV[2] score (createdAt ms), ARGV[3] id, ARGV[4] key prefix of tag indexes ("<prefix>tag:"), ARGV[5..] the tags
-- Returns 1 when stored, 0 when the tweet is deleted.
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('SET', KEYS[2], ARGV[1])
for i = 5, #ARGV do redis.call('ZADD', ARGV[4] .. ARGV[i], ARGV[2], ARGV[3]) end
return 1
