-- Redis Cluster part of save-tweet.lua on the tweet's own slot: its body unless it was deleted.
-- KEYS[1] deleted:{id}  KEYS[2] tweet:{id}   ARGV[1] body JSON
-- Returns 1 when stored, 0 when the tweet is deleted.
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('SET', KEYS[2], ARGV[1])
return 1
