-- A tweet into its author's list unless it was deleted (the fanout calls it before the first push).
-- KEYS[1] deleted:<id>  KEYS[2] tweets:<author>   ARGV[1] createdAt ms, ARGV[2] id
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('ZADD', KEYS[2], ARGV[1], ARGV[2])
return 1
