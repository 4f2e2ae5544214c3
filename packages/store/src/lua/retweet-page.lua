-- One page of a retweet's fan-out: the retweeter's next followers get the ORIGINAL's id at the
-- retweet's time, unless they already hold it (Mastodon's rule: one entry however many followees
-- retweeted it): through another retweet (retweet-entries:<id> has them) or because they follow
-- the author (the original itself reached them). The entry given to each is recorded, so an undo
-- or a delete removes exactly it. Stops when the retweet was undone meanwhile or the tweet deleted.
-- KEYS[1] followers:<retweeter>  KEYS[2] progress of this walk  KEYS[3] deleted:<id>
-- KEYS[4] retweets:<id>  KEYS[5] retweet-entries:<id>
-- ARGV[1] entry ('<retweet ms>:<id>'), ARGV[2] cap, ARGV[3] timeline key prefix, ARGV[4] following
-- key prefix, ARGV[5] the original's author, ARGV[6] retweeter, ARGV[7] page size, ARGV[8] ttl s
-- Returns { next cursor or 'end', timelines given the entry }
--- @include "timeline-entry"
--- @include "follower-walk"
if redis.call('EXISTS', KEYS[3]) == 1 or not redis.call('ZSCORE', KEYS[4], ARGV[6]) then
  redis.call('SET', KEYS[2], 'end', 'EX', tonumber(ARGV[8]))
  return { 'end', 0 }
end
local limit = tonumber(ARGV[7])
local rows = walkPage(KEYS[1], KEYS[2], limit)
if not rows then return { 'end', 0 } end
local cap, author = tonumber(ARGV[2]), ARGV[5]
local pushed = 0
for i = 1, #rows, 2 do
  local f = rows[i]
  if f ~= author and redis.call('HEXISTS', KEYS[5], f) == 0 and not redis.call('ZSCORE', ARGV[4] .. f, author) then
    if insertEntry(ARGV[3] .. f, ARGV[1], cap) == 1 then
      redis.call('HSET', KEYS[5], f, ARGV[1])
      pushed = pushed + 1
    end
  end
end
return { walkAdvance(KEYS[2], rows, limit, tonumber(ARGV[8])), pushed }
