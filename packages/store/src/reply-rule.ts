import type { Keys } from './keys.ts';
import type { ChirpRedis } from './scripts.ts';

/**
 * Twitter's reply rule outside a script, for the Redis Cluster forms: of `tweetIds`, the replies
 * `user` may not see in their home timeline, because they are not the author replied to and do not
 * follow them (as follow.lua and home-page.lua decide it in one script on one server).
 * `reply-parents` and `following:<user>` sit in different slots: one HMGET, then one ZMSCORE.
 */
export async function hiddenReplies(redis: ChirpRedis, keys: Keys, user: string, tweetIds: readonly string[]): Promise<Set<string>> {
  if (tweetIds.length === 0) return new Set();
  const parents = await redis.hmget(keys.replyParents(), ...tweetIds);
  const asked = [...new Set(parents.filter((p): p is string => p !== null && p !== user))];
  if (asked.length === 0) return new Set();
  const scores = await redis.zmscore(keys.following(user), ...asked);
  const follows = new Set(asked.filter((_, i) => scores[i] !== null));
  return new Set(
    tweetIds.filter((_, i) => {
      const parent = parents[i];
      return parent != null && parent !== user && !follows.has(parent);
    }),
  );
}
