-- Redis Cluster, second step of a follow or unfollow (graph-store.ts): followers:{target} made to
-- agree with following:{user} as the first step left it. Idempotent.
-- KEYS[1] followers:{target}   ARGV[1] user, ARGV[2] event time ms, ARGV[3] 1 (follows) or 0
-- Returns 1 when it changed the set.
--- @include "next-score"
if ARGV[3] == '1' then
  if redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
  redis.call('ZADD', KEYS[1], nextScore(KEYS[1], tonumber(ARGV[2])), ARGV[1])
  return 1
end
return redis.call('ZREM', KEYS[1], ARGV[1])
