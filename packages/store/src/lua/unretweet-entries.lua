-- Step 2 of a delete, for retweets: removes up to `limit` of the tweet's retweet entries (each
-- follower timeline that holds the tweet because a followee retweeted it). Draining the hash
-- makes the walk resumable by itself: what was removed is gone from it.
-- KEYS[1] retweet-entries:<id> (follower -> entry)   ARGV[1] timeline key prefix, ARGV[2] page size
-- Returns { entries left, entries removed }
local scan = redis.call('HSCAN', KEYS[1], 0, 'COUNT', tonumber(ARGV[2]))
local removed = 0
local rows = scan[2]
for i = 1, #rows, 2 do
  removed = removed + redis.call('LREM', ARGV[1] .. rows[i], 0, rows[i + 1])
  redis.call('HDEL', KEYS[1], rows[i])
end
return { redis.call('HLEN', KEYS[1]), removed }
