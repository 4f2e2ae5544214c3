-- Everything the for-you ranking reads before the tweet bodies, in one round trip.
-- KEYS[1] prefs:<user> (tag -> affinity)  KEYS[2] timeline:<user>
-- ARGV[1] key prefix of tag sets ("<prefix>tag:"), ARGV[2] strongest tags used for candidates,
-- ARGV[3] recent ids per tag, ARGV[4] timeline ids considered
-- Returns { {tag, score, ...} all tags strongest first, timeline ids, {id, ...} per strong tag }
local prefs = redis.call('ZRANGE', KEYS[1], 0, -1, 'REV', 'WITHSCORES')
local timeline = redis.call('LRANGE', KEYS[2], 0, tonumber(ARGV[4]) - 1)
local strong = tonumber(ARGV[2])
local tagged = {}
for i = 1, math.min(#prefs / 2, strong) do
  tagged[i] = redis.call('ZRANGE', ARGV[1] .. prefs[2 * i - 1], '+inf', '-inf', 'BYSCORE', 'REV', 'LIMIT', 0, tonumber(ARGV[3]))
end
return { prefs, timeline, tagged }
