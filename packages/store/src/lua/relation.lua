-- user mutes or blocks target (or undoes it); idempotent, last writer wins per (kind, target) by
-- event time, with the same clock as follow edges (an undo wins a tie).
-- KEYS[1] relations:<user> (clocks)  KEYS[2] mutes:<user> or blocks:<user>  KEYS[3] muted-by:<target> or blocked-by:<target>
-- ARGV[1] clock field `<kind>:<target>`, ARGV[2] target, ARGV[3] user, ARGV[4] event time ms, ARGV[5] 'f' (on) or 'u' (off),
-- ARGV[6] 'own' to write KEYS[2] only (Redis Cluster, relation-store.ts)
-- Returns 1 when applied, 0 when a newer event of the same relation was applied already.
--- @include "edge-clock"
if not edgeEventWins(KEYS[1], ARGV[1], ARGV[4], ARGV[5]) then return 0 end
local both = ARGV[6] ~= 'own' -- 'own' (Redis Cluster): KEYS[3] is on another slot, the caller writes it
if ARGV[5] == 'f' then
  redis.call('SADD', KEYS[2], ARGV[2])
  if both then redis.call('SADD', KEYS[3], ARGV[3]) end
else
  redis.call('SREM', KEYS[2], ARGV[2])
  if both then redis.call('SREM', KEYS[3], ARGV[3]) end
end
return 1
